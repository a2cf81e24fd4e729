// The chain's DAOs, a page at a time.
import { useState } from 'preact/hooks';
import { useApp, useRead } from '../state';
import { formatAmount, text } from '../units';

/** DAOs a page shows. */
const PAGE = 20;

export function Home() {
  const { connection, t } = useApp();
  const [starts, setStarts] = useState([0]);
  const start = starts[starts.length - 1];
  const daos = useRead(() => connection.api.apis.DaosApi.daos(start, PAGE + 1, { at: 'best' }), [start]);
  const shown = daos.value?.slice(0, PAGE) ?? [];
  const next = daos.value && daos.value.length > PAGE ? daos.value[PAGE].id : undefined;
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <p><a class="button primary" href="#/create">{t('nav.create')}</a></p>
      {daos.loading && !daos.value && <p role="status">{t('common.loading')}</p>}
      {daos.value && shown.length === 0 && <p>{t('home.none')}</p>}
      <ul class="cards">
        {shown.map((dao) => (
          <li key={dao.id}>
            <a href={`#/dao/${dao.id}`}>
              <strong>{text(dao.name)}</strong>
            </a>
            <span>{t('home.members', { count: dao.members })}</span>
            <span>{t('dao.treasury')}: {formatAmount(dao.treasury, connection.native)}</span>
          </li>
        ))}
      </ul>
      <div class="pager">
        {starts.length > 1 && (
          <button type="button" onClick={() => setStarts(starts.slice(0, -1))}>{t('common.previous')}</button>
        )}
        {next !== undefined && (
          <button type="button" onClick={() => setStarts([...starts, next])}>{t('common.next')}</button>
        )}
      </div>
    </>
  );
}
