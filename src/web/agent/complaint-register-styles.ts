/**
 * Complaint register and dashboard tables (issue 4, item 8). Phone first: tables scroll inside their own
 * region, never the page.
 * A string rendered by React 19 as a hoisted, de-duplicated <style href precedence> (the build has no CSS
 * module typing; the app's main stylesheet stays in styles.css).
 */
export const REGISTER_CSS = `
.data-table-wrap { overflow-x: auto; max-width: 100%; }
.data-table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
.data-table caption { text-align: left; font-weight: 600; padding: 0 0 0.5rem; }
.data-table th, .data-table td { text-align: left; padding: 0.5rem 0.6rem; border-bottom: 1px solid #d4d4d8; vertical-align: top; }
.data-table thead th { background: #f4f4f5; font-weight: 600; white-space: nowrap; }
.data-table td.num, .data-table th.num { text-align: right; font-variant-numeric: tabular-nums; }
.register-filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: flex-end; }
.register-filters .field { min-width: 10rem; margin: 0; }
.rate-tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; margin: 0; padding: 0; list-style: none; }
.rate-tile { border: 1px solid #d4d4d8; border-radius: 0.5rem; padding: 0.75rem 1rem; background: #fff; }
.rate-tile__value { font-size: 1.75rem; font-weight: 700; margin: 0; }
.rate-tile__label { margin: 0; }
`;
