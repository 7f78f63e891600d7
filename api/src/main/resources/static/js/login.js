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
$('login-form').addEventListener('submit', () => { $('csrf').value = csrfToken(); });
