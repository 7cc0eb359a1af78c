// Passkey island: sign-in and registration buttons appear only where the browser supports passkeys;
// without JavaScript the password form on the same page does the job.
(() => {
  const supported =
    typeof window.PublicKeyCredential === 'function' &&
    typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function';

  async function post(url, body) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body ?? {}),
      credentials: 'same-origin',
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.detail || data.title || `HTTP ${response.status}`);
    return data;
  }

  function showError(root, error) {
    const box = root.querySelector('[data-passkey-error]');
    if (!box) return;
    box.textContent =
      error.name === 'NotAllowedError' ? 'パスキーの操作が取り消されたか、時間切れになりました。' : error.message;
    box.hidden = false;
  }

  const signIn = document.querySelector('[data-passkey-sign-in]');
  if (signIn) {
    if (supported) {
      signIn.hidden = false;
      signIn.querySelector('[data-passkey-start]').addEventListener('click', async () => {
        try {
          const options = await post('/api/auth/passkeys/sign-in/options');
          const credential = await navigator.credentials.get({
            publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
          });
          const result = await post('/api/auth/passkeys/sign-in', {
            response: credential.toJSON(),
            next: signIn.dataset.next,
          });
          window.location.assign(result.redirect);
        } catch (error) {
          showError(signIn, error);
        }
      });
    } else {
      const note = document.querySelector('[data-passkey-unavailable]');
      if (note) note.hidden = false;
    }
  }

  const register = document.querySelector('[data-passkey-register]');
  if (register && supported) {
    register.hidden = false;
    register.querySelector('[data-passkey-register-start]').addEventListener('click', async () => {
      try {
        const options = await post('/api/auth/passkeys/registration/options');
        const credential = await navigator.credentials.create({
          publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
        });
        const label = register.querySelector('input[name="label"]').value;
        await post('/api/auth/passkeys/registration', { response: credential.toJSON(), label });
        window.location.assign(register.dataset.done || '/account?notice=accountPasskeyAdded#passkeys');
      } catch (error) {
        showError(register, error);
      }
    });
  }
})();
