// Opens each HTML page given in Debian's Chromium, in light and then dark
// colour scheme, at desktop and at phone width, runs axe-core's WCAG 2.1 A
// and AA rules and its best practices, and prints every violation.  Exits
// 1 when there is any.
// Usage: node axe.js PAGE.html...
'use strict';

const path = require('path');
const puppeteer = require('puppeteer-core');

const axeSource = require.resolve('axe-core/axe.min.js');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function check(browser, file, scheme, width) {
	const page = await browser.newPage();
	// The report's Content-Security-Policy allows no script; axe is ours.
	await page.setBypassCSP(true);
	await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
	await page.setViewport({ width, height: 1000 });
	await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
	await page.addScriptTag({ path: axeSource });
	const results = await page.evaluate(
		(runTags) => window.axe.run(document, { runOnly: { type: 'tag', values: runTags } }),
		tags);
	await page.close();
	return results.violations.map((violation) => {
		const where = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ');
		return `${file} (${scheme}, ${width} px): ${violation.impact}: ${violation.id}: ` +
			`${violation.help} [${where}]`;
	});
}

async function main(files) {
	const browser = await puppeteer.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--no-first-run', '--disable-sync'],
	});
	let problems = [];
	try {
		for (const file of files)
			for (const scheme of ['light', 'dark'])
				for (const width of [1280, 420])
					problems = problems.concat(await check(browser, file, scheme, width));
	} finally {
		await browser.close();
	}
	for (const problem of problems)
		console.log(problem);
	console.log(`axe: ${files.length} pages, light and dark, wide and narrow, ` +
		`${problems.length} violations`);
	return problems.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((status) => process.exit(status), (error) => {
	console.error(`axe: ${error.message}`);
	process.exit(2);
});
