/**
 * Supervisor dashboard (issue 4, item 7): charts one column on a phone, two or three side by side on a desk.
 * A string rendered by React 19 as a hoisted, de-duplicated <style href precedence> (the build has no CSS
 * module typing; the app's main stylesheet stays in styles.css).
 */
export const DASHBOARD_CSS = `
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.chart { margin: 0; border: 1px solid #d4d4d8; border-radius: 0.5rem; padding: 0.75rem 0.75rem 0.25rem; background: #fff; min-width: 0; }
.chart__title { font-size: 1.05rem; margin: 0 0 0.25rem; }
.chart__summary { margin: 0 0 0.5rem; font-size: 0.95rem; }
.chart__plot { width: 100%; min-width: 0; }
.chart__empty { margin: 0; padding: 3rem 0.5rem; text-align: center; color: #52525b; border: 1px dashed #d4d4d8; border-radius: 0.375rem; }
.dash-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.75rem; list-style: none; margin: 0; padding: 0; }
.dash-figure { border: 1px solid #d4d4d8; border-radius: 0.5rem; padding: 0.75rem 1rem; background: #fff; }
.dash-figure__value { font-size: 2rem; font-weight: 700; margin: 0; line-height: 1.1; }
.dash-figure__label { margin: 0; }
.dash-figure--alert { border-color: #b91c1c; border-width: 2px; }
`;
