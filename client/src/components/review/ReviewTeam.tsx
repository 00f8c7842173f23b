import { useState, type FormEvent } from 'react';
import type { Review, ReviewTeamMember } from '../../../../shared/schemas.ts';
import { useReviewTeam } from '../../hooks/useReviewTeam.ts';
import { useReviewTeamMutations } from '../../hooks/useReviewTeamMutations.ts';
import { focusWhenReady } from '../common/focusWhenReady.ts';
import { FieldError, invalidProps } from './FieldError.tsx';
import { describeError, fieldErrors } from '../../api/problems.ts';

/**
 * The people working on the review: added by name (and email), given initials and a role, taken off again; each
 * change is saved at once.
 */
export function ReviewTeam({ review }: { review: Review }) {
  const team = useReviewTeam(review.id);
  const mutations = useReviewTeamMutations(review.id);
  const [member, setMember] = useState({ name: '', email: '' });
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const added = await mutations.add.mutateAsync({ name: member.name.trim(), email: member.email.trim() || null });
      setMember({ name: '', email: '' });
      setMessage({ kind: 'status', text: `Added ${added.name} to the team.` });
    } catch (err) {
      setError(err);
      setMessage(null);
    }
  };
  const remove = (id: number, name: string) => {
    mutations.remove.mutateAsync(id).then(
      () => {
        setMessage({ kind: 'status', text: `Took ${name} off the team.` });
        focusWhenReady('team-name');
      },
      (err: unknown) => setMessage({ kind: 'error', text: `Not removed: ${describeError(err)}` }),
    );
  };
  const change = (m: ReviewTeamMember, patch: { initials?: string; role?: ReviewTeamMember['role'] }, done: string) => {
    mutations.update.mutateAsync({ reviewerId: m.id, ...patch }).then(
      () => setMessage({ kind: 'status', text: done }),
      (err: unknown) => setMessage({ kind: 'error', text: `Not saved: ${describeError(err)}` }),
    );
  };
  const errors = fieldErrors(error);
  const nameError = errors.get('name');
  const emailError = errors.get('email');
  return (
    <section aria-labelledby="team-heading" className="review-team">
      <h3 id="team-heading">Review team</h3>
      <div className="setup-messages">
        <p role="status">{message?.kind === 'status' ? message.text : ''}</p>
        <p role="alert" className="form-error">
          {message?.kind === 'error' ? message.text : error !== null && !nameError && !emailError ? `Not added: ${describeError(error)}` : ''}
        </p>
      </div>
      {team.error && <p role="alert">Could not load the team: {team.error.message}</p>}
      {team.data?.length === 0 && <p>No one is on the team yet.</p>}
      {team.data && team.data.length > 0 && (
        <ul className="team-list" aria-label="Team members">
          {team.data.map((m) => (
            <li key={m.id}>
              <span className="team-name">{m.name}</span>{m.email && <span className="team-email"> &lt;{m.email}&gt;</span>}{' '}
              <label className="team-field">
                Initials<span className="wb-sr-only"> of {m.name}</span>{' '}
                <input
                  defaultValue={m.initials} maxLength={10} size={4}
                  onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }}
                  onBlur={(e) => {
                    const initials = e.target.value.trim();
                    if (initials !== m.initials) change(m, { initials }, `Saved ${m.name}'s initials.`);
                  }}
                />
              </label>{' '}
              <label className="team-field">
                Role<span className="wb-sr-only"> of {m.name}</span>{' '}
                <select
                  value={m.role}
                  onChange={(e) => {
                    const role = e.target.value === 'lead' ? 'lead' : 'reviewer';
                    change(m, { role }, `${m.name} is now ${role === 'lead' ? 'a lead' : 'a reviewer'}.`);
                  }}
                >
                  <option value="reviewer">Reviewer</option>
                  <option value="lead">Lead (unblinds, resolves conflicts)</option>
                </select>
              </label>{' '}
              <button type="button" onClick={() => remove(m.id, m.name)} disabled={mutations.remove.isPending}>
                Remove<span className="wb-sr-only"> {m.name} from the team</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="add-form" onSubmit={(e) => void add(e)} aria-label="Add a team member">
        <div className="form-field">
          <label htmlFor="team-name">Name</label>
          <input
            id="team-name" value={member.name} required maxLength={200}
            onChange={(e) => setMember({ ...member, name: e.target.value })} {...invalidProps('team-name-error', nameError)}
          />
          <FieldError id="team-name-error" message={nameError} />
        </div>
        <div className="form-field">
          <label htmlFor="team-email">Email (optional)</label>
          <input
            id="team-email" type="email" value={member.email} maxLength={300}
            onChange={(e) => setMember({ ...member, email: e.target.value })} {...invalidProps('team-email-error', emailError)}
          />
          <FieldError id="team-email-error" message={emailError} />
        </div>
        <button type="submit" disabled={mutations.add.isPending}>Add to the team</button>
      </form>
    </section>
  );
}
