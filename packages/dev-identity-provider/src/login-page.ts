/** The minimal login page, shaped like Keycloak's (`kc-form-login`, `username`, `password`). */

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function loginPage(options: { action: string; clientId: string; username?: string; error?: string }): string {
  const error = options.error
    ? `<p id="input-error" class="alert-error" role="alert">${escape(options.error)}</p>`
    : '';
  return `<!doctype html>
<html lang="tr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Giriş / Sign in — cocuk-koruma (development)</title>
<style>
body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin-top:1rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.6rem 1.2rem}.alert-error{color:#a40000}.note{color:#666;font-size:.85rem}
</style>
</head>
<body>
<h1>cocuk-koruma</h1>
<p class="note">Development identity provider — not Keycloak, not for production. Signing in to <strong>${escape(options.clientId)}</strong>.</p>
${error}
<form id="kc-form-login" action="${escape(options.action)}" method="post">
<label for="username">Kullanıcı adı / Username</label>
<input id="username" name="username" value="${escape(options.username ?? '')}" autocomplete="username" autofocus required>
<label for="password">Parola / Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" id="kc-login">Giriş / Sign in</button>
</form>
</body>
</html>
`;
}
