import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import type { SessionBody } from '../../../../shared/session.ts';

/** What went wrong, in words: a wrong password and a lockout read differently from a server that is down. */
function message(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'That name and password do not match. Check both and try again.';
    if (error.status === 429) return error.problem.detail || 'Too many failed attempts: wait a few minutes and try again.';
    return error.problem.detail || error.message;
  }
  return 'The workbench did not answer. Check that it is still running, then try again.';
}

/** The sign-in form shown instead of the app when the server asks for it. */
export function SignIn({ onSignIn, pending, error }: { onSignIn: (body: SessionBody) => void; pending: boolean; error: unknown }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  // after a refusal the password is what to type again
  useEffect(() => {
    if (!error) return;
    setPassword('');
    passwordRef.current?.focus();
  }, [error]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (name.trim() === '' || password === '') {
      setMissing(name.trim() === '' ? 'Enter your name.' : 'Enter your password.');
      (name.trim() === '' ? nameRef : passwordRef).current?.focus();
      return;
    }
    setMissing(null);
    onSignIn({ name: name.trim(), password });
  };
  const problem = missing ?? (error ? message(error) : null);

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <h1>Sign in to Synthesis Workbench</h1>
      <p>This workbench is shared on the network: sign in with the name and password its host gave you (<code>workbench users add</code>).</p>
      <form onSubmit={submit} noValidate aria-describedby={problem ? 'sign-in-error' : undefined}>
        <p>
          <label htmlFor="sign-in-name">Name</label>
          <br />
          <input id="sign-in-name" ref={nameRef} name="username" autoComplete="username" value={name}
            onChange={(e) => setName(e.target.value)} aria-invalid={missing === 'Enter your name.' || undefined} />
        </p>
        <p>
          <label htmlFor="sign-in-password">Password</label>
          <br />
          <input id="sign-in-password" ref={passwordRef} name="password" type="password" autoComplete="current-password" value={password}
            onChange={(e) => setPassword(e.target.value)} aria-invalid={Boolean(problem && missing !== 'Enter your name.') || undefined} />
        </p>
        {problem && <p id="sign-in-error" role="alert" className="form-error">{problem}</p>}
        <button type="submit" disabled={pending}>{pending ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
