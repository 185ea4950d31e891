// The 领导信箱 message board of a site: its name, the fields it publishes, and its messages with
// when each was asked and answered, seeded per the role (silent, unanswered, late, or answered
// within days with one late answer now and then).
import { isoDay } from './dates.ts';
import { LATE_ANSWER_DAYS, OVERDUE_LOOKBACK_DAYS } from './indicators.ts';
import { MESSAGE_SUBJECTS } from './names.ts';
import { PATHS } from './paths.ts';
import { at, type Rng } from './random.ts';
import type { BoardState, Role } from './roles.ts';
import type { SitePlan } from './types.ts';

/** A citizen's message on the board; answered is null while unanswered. */
export interface Message {
  subject: string;
  asked: string;
  answered: string | null;
}

/** The 领导信箱 message board. */
export interface Board {
  path: string;
  name: string;
  messages: Message[];
  /** Fields the board publishes for each message (留言时间 always). */
  shows: { answered: boolean; replier: boolean; reply: boolean };
}

/** Builds a site's board; its messages are the only draws from r (see buildMessages). */
export function boardOf(plan: SitePlan, role: Role, r: Rng, asOfDay: number): Board {
  const boardName = plan.dept
    ? (plan.dept.name.endsWith('委员会') ? '主任信箱' : '局长信箱')
    : `${plan.place.suffix}长信箱`;
  return {
    path: PATHS.board,
    name: boardName,
    messages: buildMessages(r, role.board, asOfDay, role.lateAnswer === true),
    shows: { answered: role.boardOmits !== 'answered', replier: role.boardOmits !== 'replier', reply: true },
  };
}

function buildMessages(r: Rng, state: BoardState, asOfDay: number, lateAnswer: boolean): Message[] {
  const subjects = r.shuffle(MESSAGE_SUBJECTS);
  const out: { askedAge: number; answerAfter: number | null }[] = [];
  // Newest first; healthy boards answer within 4 days, which is never more than 4 working days.
  let age = state === 'silent' ? r.int(75, 110) : r.int(3, 30);
  const n = r.int(6, 9);
  for (let k = 0; k < n; k++) {
    out.push({ askedAge: age, answerAfter: r.int(1, 4) });
    age += r.int(6, 30);
  }
  if (state !== 'silent' && r.chance(0.5)) out.unshift({ askedAge: r.int(0, 2), answerAfter: null });
  // Half the boards, and every board of a role with lateAnswer, have an older message answered weeks
  // late: LATE_ANSWER_DAYS or more is over 5 working days whatever the holidays, and a message asked
  // 45 days before the as-of date is never cut short by it. The role's is of the quarter judged.
  let older = out.findIndex((m) => m.askedAge >= 45 && (!lateAnswer || m.askedAge <= OVERDUE_LOOKBACK_DAYS));
  if (lateAnswer && older < 0) older = out.push({ askedAge: r.int(45, OVERDUE_LOOKBACK_DAYS), answerAfter: 1 }) - 1;
  if (older >= 0 && (lateAnswer || r.chance(0.5))) at(out, older).answerAfter = r.int(LATE_ANSWER_DAYS, 40);
  if (state === 'unanswered') {
    out.splice(2, 0, { askedAge: r.int(110, 250), answerAfter: null });
  }
  if (state === 'late') {
    const asked = r.int(160, 300);
    out.splice(2, 0, { askedAge: asked, answerAfter: Math.min(r.int(100, 140), asked - 1) });
  }
  out.sort((a, b) => a.askedAge - b.askedAge);
  // An answer is never dated after the as-of date.
  return out.map((m, k) => ({
    subject: at(subjects, k % subjects.length),
    asked: isoDay(asOfDay - m.askedAge),
    answered: m.answerAfter === null ? null : isoDay(asOfDay - m.askedAge + Math.min(m.answerAfter, m.askedAge)),
  }));
}
