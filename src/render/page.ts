/** The head every HTML file regiosim writes shares (report, run report, text report, brief, playground). */
import { escapeHtml } from './markdown.js';

/** What a page may load: scripts inline and evaluated (vega compiles expressions), or no scripts at all. */
export const CSP = {
  /** Inline scripts that may evaluate code, data and blob images, inline fonts (report.html with its charts). */
  charts: "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:",
  /** No scripts: a text and its tables. */
  text: "default-src 'none'; style-src 'unsafe-inline'",
  /** No scripts, inline images (the brief's chart). */
  textImages: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  /** Inline scripts and a worker from a blob, no connection anywhere (the playground). */
  worker: "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'",
} as const;

/** `<!DOCTYPE html>` through `<body>`: language, viewport, the content security policy, the (escaped) title and the style sheet. */
export function htmlHead(lang: string, title: string, csp: string, css: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>`;
}
