// What GitHub's own toolkit prints for our annotations, for
// tests/cli/ci_formats.sh to compare with `mypyc-scout scan --format github`
// byte for byte. It goes through @actions/core's public API only:
// core.error / core.warning / core.notice (message, {title, file, startLine, endLine,
// startColumn, endColumn}) build the `::error key=value,...::data` command
// with the package's own escapeData / escapeProperty and write it to stdout.
//
//   node actions-escape.mjs hostile STRINGS.hex
//       for each string s of the file (hex, one per line, # comments), what
//       `test_ci_formats --github-hostile STRINGS.hex` prints with our
//       reporter: a blocker whose rule id, path, message and fix are all s,
//       then a syntax-error diagnostic whose path and message are s
//   node actions-escape.mjs replay REPORT.json RULES.json
//       the annotations for a `--format json` report, given the rule titles
//       from `mypyc-scout rules --format json`, in our reporter's order
//
// Strings are read as bytes and decoded as UTF-8 the way Node does (WHATWG:
// each maximal ill-formed subpart becomes U+FFFD), which is the decoding our
// reporter applies before escaping.
import * as core from '@actions/core';
import {readFileSync} from 'node:fs';

// Our reporter goes one step past @actions/core: the control characters it
// leaves (ESC, which would recolour the log, the other C0 but TAB, DEL, C1)
// become \xNN. @actions/core has already turned CR and LF into %0D and %0A,
// so the only raw LF left ends a command.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk).replace(
	/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g,
	(c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0')), ...rest);

function hexStrings(file) {
	const lines = readFileSync(file, 'latin1').split('\n');
	if (lines[lines.length - 1] === '')
		lines.pop();
	return lines.filter((line) => !line.startsWith('#'))
		.map((line) => Buffer.from(line.trim(), 'hex').toString('utf8'));
}

// What a finding that assumes other modules adds (reporters/assumes.c).
function assumesWords(f) {
	const paths = (f && f.assumes) || [];
	if (paths.length === 0)
		return '';
	const list = paths.length === 1 ? paths[0]
		: `${paths.slice(0, -1).join(', ')} and ${paths[paths.length - 1]}`;
	let words = `if compiled with ${list}`;
	if (f.holds === false)
		words += `; not counted: ${paths.length === 1 ? 'that module stays' : 'one of them stays'}` +
			' interpreted (not compiled now, and blocked on its own or test code)';
	return words;
}

// The data of a finding's annotation: the message, then what it assumes,
// then the fix if any.
function findingData(message, fix, f) {
	const words = assumesWords(f);
	const data = words ? `${message}\n${words}` : message;
	return fix ? `${data}\nfix: ${fix}` : data;
}

// Our reporter's choice of properties: columns only for a one-line finding,
// endLine only when it is not before the start line.
function findingProperties(title, file, f) {
	const oneLine = f.end_line === f.line;
	return {
		title,
		file,
		startLine: f.line,
		endLine: f.end_line >= f.line ? f.end_line : undefined,
		startColumn: oneLine ? f.column : undefined,
		endColumn: oneLine ? f.end_column : undefined,
	};
}

// The annotation type of a finding (reporters/github_kind.c).
function kindOf(category, holds = true) {
	if (holds === false || category === 'slow' || category === 'info')
		return 'notice';
	return category === 'blocker' ? 'error' : 'warning';
}

const emit = {error: core.error, warning: core.warning, notice: core.notice};

function annotate(category, data, properties, holds = true) {
	emit[kindOf(category, holds)](data, properties);
}

function hostile(file) {
	for (const s of hexStrings(file)) {
		const f = {line: 1, column: 1, end_line: 1, end_column: 2};
		annotate('blocker', findingData(s, s), findingProperties(s, s, f));
		core.warning(s, {title: 'mypyc-scout: syntax-error', file: s, startLine: 1});
	}
}

function replay(reportFile, rulesFile) {
	const report = JSON.parse(readFileSync(reportFile, 'utf8'));
	const titles = new Map(JSON.parse(readFileSync(rulesFile, 'utf8')).map((r) => [r.id, r.title]));
	// GitHub shows 10 annotations of each type per step: the reporter writes
	// the first 10 of each, then says what it left out.
	const cap = 10, total = {error: 0, warning: 0, notice: 0}, shown = {error: 0, warning: 0, notice: 0};
	for (const m of report.modules) {
		for (const f of m.findings) {
			const kind = kindOf(f.category, f.holds);
			total[kind]++;
			if (shown[kind] >= cap)
				continue;
			shown[kind]++;
			const title = titles.has(f.rule) ? `${f.rule}: ${titles.get(f.rule)}` : f.rule;
			annotate(f.category, findingData(f.message, f.fix, f), findingProperties(title, m.path, f), f.holds);
		}
	}
	for (const d of report.diagnostics) {
		total.warning++;
		if (shown.warning >= cap)
			continue;
		shown.warning++;
		core.warning(d.message, {title: `mypyc-scout: ${d.kind}`, file: d.path, startLine: d.line ?? undefined});
	}
	const kinds = ['error', 'warning', 'notice'];
	if (kinds.some((k) => total[k] > shown[k]))
		process.stdout.write('mypyc-scout: annotated' +
			kinds.map((k) => ` ${shown[k]} of ${total[k]} ${k}${total[k] === 1 ? '' : 's'}`).join(',') +
			` (GitHub shows ${cap} of each per step); the job summary counts them all, --format text lists them\n`);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'hostile' && args.length === 1)
	hostile(args[0]);
else if (mode === 'replay' && args.length === 2)
	replay(args[0], args[1]);
else {
	process.stderr.write('usage: node actions-escape.mjs hostile STRINGS.hex | replay REPORT.json RULES.json\n');
	process.exit(2);
}
