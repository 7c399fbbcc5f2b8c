/**
 * The demo's single page: a static shell whose script fetches `/api/employees` and renders the table, like the
 * single-page HR front ends the proxy sits in front of. The HTML itself holds no personal data; everything the
 * user sees arrives through the JSON API (so a masking proxy must mask the API, not only the page).
 */
export const EMPLOYEE_PAGE = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>社員名簿 — kamen demo (synthetic data)</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5rem; }
  table { border-collapse: collapse; font-size: 0.85rem; }
  th, td { border: 1px solid #ccc; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
  th { background: #f3f3f3; }
  #status { color: #555; }
</style>
</head>
<body>
<h1>社員名簿</h1>
<p>Synthetic employees of the kamen demo HR application. No row describes a real person.</p>
<p id="status">loading…</p>
<table id="employees"><thead></thead><tbody></tbody></table>
<script>
  const COLUMNS = ['社員番号', '氏名', 'フリガナ', '生年月日', '郵便番号', '住所', '電話番号', 'メール', '個人番号', '口座', '給与', '備考'];
  async function load() {
    const status = document.getElementById('status');
    try {
      const res = await fetch('/api/employees', { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      const body = await res.json();
      const head = document.querySelector('#employees thead');
      const row = head.insertRow();
      for (const c of COLUMNS) row.appendChild(document.createElement('th')).textContent = c;
      const tbody = document.querySelector('#employees tbody');
      for (const e of body.employees) {
        const tr = tbody.insertRow();
        for (const c of COLUMNS) tr.insertCell().textContent = String(e[c] ?? '');
      }
      status.textContent = body.employees.length + ' employees';
      document.body.dataset.state = 'ready';
    } catch (err) {
      status.textContent = 'could not load employees: ' + err.message;
      document.body.dataset.state = 'error';
    }
  }
  load();
</script>
</body>
</html>
`;
