// Opens a portfolio page in Debian's Chromium with its own
// Content-Security-Policy in force (no bypass), and checks that its
// script ran (each header of the team table is a button) and sorts: a
// click on "Overall" sorts the rows ascending and says so in aria-sort, a
// second click descending.  Exits 1 when any check fails.
// Usage: node sort.js index.html
'use strict';

const path = require('path');
const puppeteer = require('puppeteer-core');

// The overall scores of the team table, top to bottom, and the header's
// aria-sort.
function state(page) {
	return page.evaluate(() => {
		const table = document.querySelector('table.teams');
		const column = Array.prototype.findIndex.call(table.tHead.rows[0].cells,
			(cell) => cell.textContent.trim().startsWith('Overall'));
		return {
			buttons: table.querySelectorAll('thead button.sort').length,
			headers: table.tHead.rows[0].cells.length,
			sort: table.tHead.rows[0].cells[column].getAttribute('aria-sort'),
			values: Array.prototype.map.call(table.tBodies[0].rows,
				(row) => parseFloat(row.cells[column].textContent)),
		};
	});
}

function ordered(values, ascending) {
	return values.every((value, index) => index === 0 ||
		(ascending ? values[index - 1] <= value : values[index - 1] >= value));
}

// The problems found on file's page in browser.
async function check(browser, file) {
	const problems = [];
	const page = await browser.newPage();
	const refused = [];

	page.on('console', (message) => {
		if (/Content Security Policy/.test(message.text()))
			refused.push(message.text());
	});
	await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
	let now = await state(page);
	if (refused.length > 0)
		problems.push('the policy refused something: ' + refused[0]);
	if (now.buttons !== now.headers || now.headers === 0) {
		problems.push(`${now.buttons} sort buttons for ${now.headers} headers`);
		return problems;
	}
	const button = await page.$$('table.teams thead button.sort');
	const overall = await page.evaluate(() => Array.prototype.findIndex.call(
		document.querySelectorAll('table.teams thead th'),
		(cell) => cell.textContent.trim().startsWith('Overall')));
	await button[overall].click();
	now = await state(page);
	if (now.sort !== 'ascending' || !ordered(now.values, true))
		problems.push(`after one click: ${now.sort}, ${now.values.join(' ')}`);
	await button[overall].click();
	now = await state(page);
	if (now.sort !== 'descending' || !ordered(now.values, false))
		problems.push(`after two clicks: ${now.sort}, ${now.values.join(' ')}`);
	return problems;
}

async function main(file) {
	const browser = await puppeteer.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--no-first-run', '--disable-sync'],
	});
	let problems;
	try {
		problems = await check(browser, file);
	} finally {
		await browser.close();
	}
	for (const problem of problems)
		console.log(`${file}: ${problem}`);
	return problems.length === 0 ? 0 : 1;
}

main(process.argv[2]).then((status) => process.exit(status), (error) => {
	console.error(`sort: ${error.message}`);
	process.exit(2);
});
