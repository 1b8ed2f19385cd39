// The oracle for the canonical layout of a notice file (tests/test_canonical_yaml.py): JSON documents in,
// one per line on stdin, each written out as the form editor writes it, NUL-separated on stdout. The options
// are Sveltia CMS's own (its YAML output with output.yaml.indent_sequences: false, quote: none), with the
// version of the yaml package it bundles; the editor's bundle and this script must agree (package.json).
import { stringify } from 'yaml';
import readline from 'node:readline';

const options = { indent: 2, indentSeq: false, lineWidth: 0, defaultKeyType: 'PLAIN', defaultStringType: 'PLAIN',
  singleQuote: true };
for await (const line of readline.createInterface({ input: process.stdin })) {
  process.stdout.write(`${stringify(JSON.parse(line), null, options).trim()}\n\0`);
}
