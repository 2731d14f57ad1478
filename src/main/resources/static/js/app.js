// Every htmx request carries the CSRF token of the page, as every form does.
document.addEventListener('htmx:configRequest', function (event) {
	var token = document.querySelector('meta[name="csrf-token"]');
	if (token) {
		event.detail.headers[token.getAttribute('data-header')] = token.getAttribute('content');
	}
});
