import type { Review } from '../../../../shared/schemas.ts';
import { reviewHash } from '../../lib/route.ts';
import { lastPlace } from '../../lib/visits.ts';

/** The screens of the open review, grouped; each link returns to where that screen was left. */
export interface NavScreen {
  id: string;
  label: string;
  group: string;
}

export function ScreenNav({ review, screens, current }: { review: Review; screens: NavScreen[]; current: string }) {
  const groups = [...new Set(screens.map((s) => s.group))];
  return (
    <nav aria-label="Screens" className="screen-nav">
      {groups.map((group) => {
        const inGroup = screens.filter((s) => s.group === group);
        const headingId = `nav-group-${group.toLowerCase()}`;
        return (
          <div key={group} className="nav-group" role="group" aria-labelledby={headingId}>
            <span id={headingId} className="nav-group-label">{group}</span>
            <ul className="nav-list">
              {inGroup.map((s) => (
                <li key={s.id}>
                  <a
                    href={reviewHash(review.slug, s.id, ...(s.id === current ? [] : lastPlace(review.slug, s.id)))}
                    aria-current={s.id === current ? 'page' : undefined}
                  >
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
