/**
 * The frame of every help page: one stylesheet and one script, both inline (no extra round trip on a phone)
 * and allowed by hash in the Content-Security-Policy, so no other script can run on these pages even if an
 * article somehow carried one. Mobile first, WCAG 2.1 AA: landmarks, a skip link, one h1, visible focus,
 * 48 px targets, contrast ≥ 4.5:1.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './markdown.ts';

const CSS = `
:root{--ink:#1b1d21;--muted:#454b54;--brand:#00175a;--link:#0a4fbf;--soft:#f2f4f8;--line:#c9ced8;--focus:#ffbf47}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff;overflow-wrap:anywhere}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px var(--ink)}
.skip{position:absolute;left:-100vw;top:0}
.skip:focus{left:.5rem;top:.5rem;z-index:10;background:#fff;color:var(--brand);padding:.75rem 1rem}
.site{background:var(--brand);color:#fff}
.site .wrap{padding-top:.75rem;padding-bottom:.75rem}
.site a{color:#fff}
.brand{font-weight:700;font-size:1.125rem;text-decoration:none}
.site ul{list-style:none;display:flex;flex-wrap:wrap;gap:0 1.25rem;margin:.25rem 0 0;padding:0}
.site li a{display:inline-block;padding:.5rem 0;min-height:44px}
.wrap{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 .75rem}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .5rem}
h3{font-size:1.1rem;margin:1.5rem 0 .25rem}
.lede{font-size:1.125rem;color:var(--muted);margin-top:0}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;margin:0;padding:0;font-size:.95rem}
.crumbs li+li::before{content:"\\203A";margin-right:.25rem;color:var(--muted)}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
form.search label{flex-basis:100%;font-weight:600}
input[type=search],textarea{flex:1 1 12rem;min-height:48px;font:inherit;padding:.5rem .75rem;border:2px solid #5f6673;border-radius:6px;width:100%}
button{min-height:48px;min-width:48px;padding:.5rem 1.25rem;font:inherit;font-weight:600;border-radius:6px;border:2px solid var(--brand);background:var(--brand);color:#fff;cursor:pointer}
button.secondary{background:#fff;color:var(--brand)}
.results{list-style:none;padding:0;margin:0}
.results li{border-top:1px solid var(--line);padding:.75rem 0}
.results a{font-weight:600;font-size:1.1rem}
.results p{margin:.25rem 0 0;color:var(--muted)}
mark{background:#fff0a8;color:var(--ink)}
blockquote{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid var(--brand);background:var(--soft)}
.faq h3{margin-top:1.25rem}
.feedback .row{display:flex;gap:.5rem;flex-wrap:wrap;margin:.5rem 0}
.feedback label{display:block;font-weight:600;margin-top:.5rem}
.human{background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:1rem;margin:2rem 0}
.human h2{margin-top:0}
.human ul{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
.human li a{display:block;min-height:48px;padding:.75rem 1rem;border:2px solid var(--brand);border-radius:6px;background:#fff;color:var(--brand);font-weight:700;text-decoration:none}
.human li span{display:block;font-weight:400;color:var(--muted);font-size:.95rem}
.notice{padding:.75rem 1rem;border-left:4px solid var(--brand);background:var(--soft)}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.95rem;margin-top:2rem}
@media (min-width:48rem){h1{font-size:2.1rem}.human ul{grid-template-columns:1fr 1fr 1fr}}
`.trim();

// Search as you type (progressive enhancement: without it the form is a plain GET /help?q=) and the feedback
// form over the JSON API. Requests go without cookies: they need no session, and a cookie POST would need CSRF.
const SCRIPT = `
(function(){
var form=document.querySelector('form.search'),out=document.getElementById('results'),status=document.getElementById('results-status');
if(form&&out&&status&&window.fetch&&window.AbortController){
var input=form.querySelector('input[name=q]'),timer=0,pending=null,shown='';
input.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(run,180);});
function run(){var q=input.value;if(q===shown)return;shown=q;if(pending)pending.abort();
if(!q.trim()||q.length>200){if(!q.trim()){out.textContent='';status.textContent='';}return;}
pending=new AbortController();
fetch('/api/v1/help/search?limit=6&q='+encodeURIComponent(q),{credentials:'omit',signal:pending.signal,headers:{accept:'application/json'}})
.then(function(r){return r.ok?r.json():null;}).then(function(d){if(d&&input.value===q)render(d.items);}).catch(function(){});}
function render(items){out.textContent='';
status.textContent=items.length?items.length+(items.length===1?' article matches.':' articles match.'):'No articles match. Try other words, or talk to a person below.';
if(!items.length)return;var ul=document.createElement('ul');ul.className='results';
items.forEach(function(it){var li=document.createElement('li'),a=document.createElement('a'),p=document.createElement('p');
a.href=it.url;a.textContent=it.title;p.innerHTML=it.snippet;li.appendChild(a);li.appendChild(p);ul.appendChild(li);});
out.appendChild(ul);}
}
var fb=document.querySelector('form.feedback-form');
if(fb&&window.fetch){fb.addEventListener('submit',function(e){var b=e.submitter;if(!b)return;e.preventDefault();
var c=fb.querySelector('textarea'),body={helpful:b.value==='yes'};if(c&&c.value.trim())body.comment=c.value.trim().slice(0,1000);
fetch(fb.getAttribute('data-api'),{method:'POST',credentials:'omit',headers:{'content-type':'application/json'},body:JSON.stringify(body)})
.then(function(r){var s=document.getElementById('feedback-status');s.textContent=r.ok?'Thank you. Your answer helps us improve this article.':'We could not record that. Please try again later.';if(r.ok)fb.hidden=true;})
.catch(function(){fb.submit();});});}
})();
`.trim();

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(CSS)}`,
  `script-src ${sha256(SCRIPT)}`,
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type ShellOptions = {
  title: string;
  description: string;
  canonical: string;
  issuerName: string;
  secureMessagePath: string;
  /** Inner HTML of <main>: already escaped by the caller. */
  main: string;
  jsonLd: string[];
  noindex?: boolean;
  /** Never-ask reminder for the footer, from the profile's security advice. */
  footerNote: string;
};

export function pageShell(o: ShellOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<meta name="description" content="${escapeHtml(o.description)}">
<link rel="canonical" href="${escapeHtml(o.canonical)}">
${o.noindex ? '<meta name="robots" content="noindex, follow">\n' : ''}<meta property="og:type" content="article">
<meta property="og:title" content="${escapeHtml(o.title)}">
<meta property="og:description" content="${escapeHtml(o.description)}">
<meta property="og:url" content="${escapeHtml(o.canonical)}">
<style>${CSS}</style>
${o.jsonLd.join('\n')}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="wrap">
<a class="brand" href="/help">${escapeHtml(o.issuerName)} Help Center</a>
<nav aria-label="Help center"><ul>
<li><a href="/help">All help topics</a></li>
<li><a href="/help/contact-us">Phone numbers</a></li>
<li><a href="${escapeHtml(o.secureMessagePath)}">Secure messages</a></li>
</ul></nav>
</div></header>
<main id="main" class="wrap" tabindex="-1">
${o.main}
</main>
<footer><div class="wrap"><p>${escapeHtml(o.footerNote)}</p></div></footer>
<script>${SCRIPT}</script>
</body>
</html>`;
}

/** The search form: a plain GET that works without JavaScript; results (server- or script-rendered) go in #results. */
export function searchForm(value: string, resultsHtml = '', statusText = ''): string {
  return `<form class="search" role="search" action="/help" method="get">
<label for="help-q">Search the help center</label>
<input id="help-q" name="q" type="search" value="${escapeHtml(value)}" maxlength="200" autocomplete="off" placeholder="For example: dispute a charge" aria-describedby="results-status">
<button type="submit">Search</button>
</form>
<p id="results-status" role="status">${escapeHtml(statusText)}</p>
<div id="results">${resultsHtml}</div>`;
}
