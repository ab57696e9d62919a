/*
 * The first start (issue 11): what an empty board says instead of only "no period yet". It is in
 * the board's chunk, which is the first one, so it is plain markup over one small query.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../api/router';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';

type SetupProgress = inferRouterOutputs<AppRouter>['setup']['progress'];
type HeadOffice = Extract<SetupProgress, { kind: 'headOffice' }>;
type Step = HeadOffice['steps'][number]['step'];

/** The page that takes each step: branches and periods are opened on the quota page. */
const STEP_PAGE = { branch: '/kuota', period: '/kuota', users: '/pengguna' } as const satisfies Record<Step, string>;

/** Asked again each time the board shows it, so the step just taken on another page is ticked. */
function useSetupProgress() {
  const trpc = useTRPC();
  return useQuery(trpc.setup.progress.queryOptions(undefined, { staleTime: 0 }));
}

/**
 * The empty board: head office gets the first steps with a link to each, ticked when done, the next
 * one marked; a branch user learns whom to ask for a period.
 */
export function FirstSteps() {
  const { t } = useI18n();
  const progress = useSetupProgress();
  if (progress.error) return <ErrorBox error={progress.error} onRetry={() => void progress.refetch()} />;
  if (progress.isLoading) return <p className="muted">{t('app.loading')}</p>;
  const data = progress.data;
  if (data?.kind === 'headOffice') return <Checklist progress={data} />;
  if (data?.kind === 'branch' && !data.hasPeriod) {
    return (
      <section className="panel first-steps" data-testid="ask-head-office">
        <p className="first-steps-lead">{t('setup.noPeriod')}</p>
        <p>{data.askAdmins.length > 0 ? t('setup.askAdmins', { names: data.askAdmins.join(', ') }) : t('setup.askHeadOffice')}</p>
      </section>
    );
  }
  // a period this browser has not listed yet: the plain sentence
  return <p className="panel">{t('period.none')}</p>;
}

function Checklist({ progress }: { progress: HeadOffice }) {
  const { t, td } = useI18n();
  /** The branches a step is still open for, with the users each lacks. */
  const stillFor = (step: Step): string => {
    if (step === 'branch') return '';
    return progress.branches
      .filter((b) => !b.done[step])
      .map((b) => (step === 'users' ? `${b.name} (${b.missingRoles.map((r) => td(`role.${r}`, r)).join(', ')})` : b.name))
      .join('; ');
  };
  return (
    <section className="panel first-steps" data-testid="first-steps" data-next={progress.next ?? ''}>
      <h1>{t('setup.title')}</h1>
      <p className="first-steps-lead">{t('period.none')}</p>
      <p className="muted">{t('setup.intro')}</p>
      <ol className="setup-steps">
        {progress.steps.map(({ step, done }, i) => {
          const next = progress.next === step;
          const open = done ? '' : stillFor(step);
          return (
            <li
              key={step}
              className={`setup-step${done ? ' done' : ''}${next ? ' next' : ''}`}
              data-testid={`setup-step-${step}`}
              data-done={String(done)}
              aria-current={next ? 'step' : undefined}
            >
              <span className="setup-mark" aria-hidden="true">
                {done ? '✓' : i + 1}
              </span>
              <div className="setup-body">
                <Link to={STEP_PAGE[step]} className="setup-link" data-testid={`setup-link-${step}`}>
                  {t(`setup.step.${step}`)}
                </Link>
                <span className={`setup-state${done ? ' ok' : ''}`} data-testid={`setup-state-${step}`}>
                  {done ? t('setup.done') : next ? t('setup.next') : t('setup.notDone')}
                </span>
                <p className="muted small">{t(`setup.hint.${step}`)}</p>
                {open && <p className="small">{t('setup.stillFor', { branches: open })}</p>}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * Head office's board once a period exists while a step is still open for some branch (its users,
 * a new branch's period): one line naming those branches and the next step, so the checklist is not
 * lost the moment a board appears.
 */
export function SetupNudge() {
  const { t } = useI18n();
  const progress = useSetupProgress();
  const data = progress.data?.kind === 'headOffice' ? progress.data : null;
  const next = data?.next;
  if (!data || !next) return null;
  const branches = data.branches.filter((b) => !b.done[next]).map((b) => b.name);
  if (branches.length === 0) return null;
  return (
    <p className="setup-nudge" data-testid="setup-nudge">
      {t('setup.nudge', { branches: branches.join(', ') })}{' '}
      <Link to={STEP_PAGE[next]} data-testid={`setup-nudge-${next}`}>
        {t(`setup.step.${next}`)}
      </Link>
    </p>
  );
}
