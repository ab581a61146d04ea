// Runs at the very start of <body>, before any content is drawn, like GOV.UK Frontend's inline snippet
// (kept in a file so the Content-Security-Policy can forbid inline scripts).
// 'noModule' in HTMLScriptElement.prototype is how GOV.UK Frontend detects a browser it supports.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
