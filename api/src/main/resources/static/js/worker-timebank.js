// A volunteer's time bank on the phone page: their balance and latest lines (GET /api/v1/timebank/{own id}), above
// the footer, only once their ledger has a line (paid staff earn no coins and see nothing). Read-only: redeeming
// coins is done at the service centre.
import { request } from './api.js';
import { addTexts, t } from './i18n.js';
import { escapeHtml } from './format.js';

addTexts({
  zh: {
    'bank.title': '我的时间银行', 'bank.balance': '余额 {0} 时间币', 'bank.cap': '存储上限 {0}',
    'bank.kind.CREDIT': '服务记入', 'bank.kind.RECREDIT': '更正后重新记入', 'bank.kind.WITHDRAWAL': '兑换服务',
    'bank.kind.TRANSFER_OUT': '转赠', 'bank.kind.TRANSFER_IN': '受赠',
  },
  en: {
    'bank.title': 'My time bank', 'bank.balance': 'Balance {0} coins', 'bank.cap': 'cap {0}',
    'bank.kind.CREDIT': 'service credited', 'bank.kind.RECREDIT': 're-credited', 'bank.kind.WITHDRAWAL': 'redeemed',
    'bank.kind.TRANSFER_OUT': 'given', 'bank.kind.TRANSFER_IN': 'received',
  },
});

let statement = null;

/** Coins to the hundredth (the JSON number 0.50 arrives as 0.5). */
const coins = value => Number(value).toFixed(2);

function render() {
  let box = document.getElementById('field-bank');
  if (!statement || statement.entries.length === 0 && Number(statement.balance) === 0) {
    return;
  }
  if (!box) {
    box = document.createElement('details');
    box.id = 'field-bank';
    box.style.cssText = 'margin: 0 14px 10px; padding: 10px 12px; border: 1px solid #dde2e8; border-radius: 8px;'
      + 'background: #fff; font-size: 15px;';
    document.querySelector('.field-foot')?.before(box);
  }
  const lines = statement.entries.slice(-5).reverse().map(e => `<li>${escapeHtml((e.at || '').substring(5, 16)
    .replace('T', ' '))} ${escapeHtml(t('bank.kind.' + e.kind))} <strong>${escapeHtml(coins(e.coins))}</strong></li>`).join('');
  box.innerHTML = `<summary><strong>${escapeHtml(t('bank.title'))}</strong> · <span id="field-bank-balance">`
    + `${escapeHtml(t('bank.balance', coins(statement.balance)))}</span></summary>`
    + `<p style="color:#66717f;margin:6px 0">${escapeHtml(t('bank.cap', statement.rules.maxBalanceCoins))}</p>`
    + `<ul style="margin:0;padding-left:18px">${lines}</ul>`;
}

async function start() {
  try {
    const me = await request('GET', '/api/v1/me');
    if (me.role !== 'WORKER' || !me.workerId) {
      return;
    }
    statement = await request('GET', '/api/v1/timebank/' + encodeURIComponent(me.workerId));
  } catch (e) {
    return;   // offline or refused: the route matters more; nothing to show
  }
  render();
  document.addEventListener('careroute:lang', render);
}

start();
