import type { ReviewTeamMember } from '../../../../shared/schemas.ts';
import { reviewHash } from '../../lib/route.ts';

export type TeamMember = ReviewTeamMember;

export const initialsOf = (m: TeamMember): string =>
  m.initials || m.name.split(/\s+/).filter(Boolean).map((w) => w[0]?.toUpperCase() ?? '').join('').slice(0, 3);

/** "You are: …" — who screens at this browser, chosen from the review's team. */
export function YouArePicker({ slug, team, you, onChoose }: { slug: string; team: TeamMember[]; you: number | null; onChoose: (id: number | null) => void }) {
  const known = team.some((m) => m.id === you);
  return (
    <div className="you-are">
      <label htmlFor="you-are">You are</label>
      <select id="you-are" value={known && you !== null ? String(you) : ''} onChange={(e) => onChoose(e.target.value ? Number(e.target.value) : null)}>
        <option value="">— choose who you are —</option>
        {team.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({initialsOf(m)}){m.role === 'lead' ? ', lead' : ''}
          </option>
        ))}
      </select>
      <a href={reviewHash(slug, 'settings')}>{team.length === 0 ? 'Add people to the team in Settings' : 'Team in Settings'}</a>
    </div>
  );
}
