import type { Problem } from '../errors/problem';
import { Layout } from './layout';
import type { PageContext } from './page-context';

export function ErrorPage({ ctx, problem }: { ctx: PageContext; problem: Problem }): JSX.Element {
  return (
    <Layout ctx={ctx} title={ctx.t('errors.pageTitle')}>
      <div class="notice error" role="alert">
        <p safe>{problem.title}</p>
        {problem.errors ? (
          <ul>
            {problem.errors.map((e) => (
              <li safe>{e.message}</li>
            ))}
          </ul>
        ) : (
          ''
        )}
      </div>
      <p>
        <a href="/" safe>
          {ctx.t('errors.backHome')}
        </a>
      </p>
    </Layout>
  );
}
