// The login page: Spring Security's form login (POST /login), Chinese first, English with the button (the same
// choice as the console's, kept by the browser).
import { csrfToken } from './api.js';
import { applyStatic, lang, setLang } from './i18n.js';

const $ = id => document.getElementById(id);

setLang(lang());
applyStatic();
const params = new URLSearchParams(window.location.search);
$('login-error').hidden = !params.has('error');
$('login-out').hidden = !params.has('logout');
$('btn-lang').addEventListener('click', () => setLang(lang() === 'en' ? 'zh' : 'en'));

// The organisation's code: from the link (?org=, as the demo prints it), else the one this browser last used.
const ORGANISATION_KEY = 'careroute.organisation';
$('organisation').value = params.get('org') || localStorage.getItem(ORGANISATION_KEY) || '';
($('organisation').value ? $('username') : $('organisation')).focus();

// Spring Security reads one name: name@code. A name typed as name@code already keeps its own code.
$('login-form').addEventListener('submit', () => {
  const organisation = $('organisation').value.trim().toLowerCase();
  const name = $('username').value.trim();
  $('login-name').value = name.includes('@') ? name : `${name}@${organisation}`;
  localStorage.setItem(ORGANISATION_KEY, organisation);
  $('csrf').value = csrfToken();
});
