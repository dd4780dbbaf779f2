// Sorts the portfolio page's tables by any column.  Each header of a
// table.sortable becomes a button; a click sorts the rows by that column,
// ascending then descending, and says so in aria-sort.  A cell's
// data-sort, when it has one, is what it sorts by; a header of class num
// sorts as numbers, cells without a number last.  The page is complete
// without this script: rows come in team order.
(function () {
	'use strict';

	function sortKey(row, column, numeric) {
		var cell = row.cells[column];
		var text = '';
		var value;

		if (cell) {
			text = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort')
							     : cell.textContent.trim();
		}
		if (!numeric) {
			return text.toLowerCase();
		}
		value = parseFloat(text);
		return isNaN(value) ? null : value;
	}

	function compare(a, b, ascending) {
		var order;

		if (a.key === b.key) {
			return a.index - b.index;
		}
		if (a.key === null) {
			return 1;
		}
		if (b.key === null) {
			return -1;
		}
		if (typeof a.key === 'number') {
			order = a.key < b.key ? -1 : 1;
		} else {
			order = a.key.localeCompare(b.key);
		}
		return ascending ? order : -order;
	}

	function sortTable(table, header, column) {
		var ascending = header.getAttribute('aria-sort') !== 'ascending';
		var numeric = header.classList.contains('num');
		var body = table.tBodies[0];
		var fragment = document.createDocumentFragment();
		var keyed = Array.prototype.map.call(body.rows, function (row, index) {
			return { row: row, key: sortKey(row, column, numeric), index: index };
		});

		keyed.sort(function (a, b) {
			return compare(a, b, ascending);
		});
		keyed.forEach(function (entry) {
			fragment.appendChild(entry.row);
		});
		body.appendChild(fragment);
		Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
			cell.removeAttribute('aria-sort');
		});
		header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
	}

	function makeSortable(table) {
		Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
			var button = document.createElement('button');

			button.type = 'button';
			button.className = 'sort';
			while (header.firstChild) {
				button.appendChild(header.firstChild);
			}
			header.appendChild(button);
			button.addEventListener('click', function () {
				sortTable(table, header, column);
			});
		});
		table.classList.add('sorting');
	}

	Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), makeSortable);
}());
