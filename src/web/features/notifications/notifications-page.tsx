// SPDX-License-Identifier: EUPL-1.2
// The person's notices (issue 16 item 4): newest first, unread ones marked; opening one marks it read
// and goes to what it is about. A notice says only what kind of thing waits, never about whom.
import { useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { notificationApi, type Notification } from './api.js';
import { CheckboxField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Button, ButtonGroup, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';

export default function NotificationsPage() {
  const { m, formatDateTime } = useMessages();
  const t = m.notifications;
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const list = useAsync(() => notificationApi.list(page, onlyUnread), [page, onlyUnread]);

  const open = async (event: MouseEvent<HTMLAnchorElement>, notice: Notification) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (!notice.readAt) await notificationApi.markRead(notice.id).catch(() => undefined);
    navigate(notice.linkPath);
  };

  return (
    <Page title={t.title} intro={t.intro}>
      <Paragraph>
        <Link to="/account/meldingen">{t.preferencesLink}</Link>
      </Paragraph>
      <CheckboxField
        id="only-unread"
        label={t.onlyUnread}
        checked={onlyUnread}
        onCheckedChange={(isChecked) => {
          setOnlyUnread(isChecked);
          setPage(1);
        }}
      />
      <AsyncContent state={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Paragraph>{t.empty}</Paragraph>
          ) : (
            <>
              <ul className="kr-notices" aria-label={t.title}>
                {data.items.map((notice) => (
                  <li key={notice.id} className={notice.readAt ? 'kr-notice' : 'kr-notice kr-notice--unread'}>
                    <Link to={notice.linkPath} onClick={(event) => void open(event, notice)} className="kr-notice__link">
                      {t[`kind_${notice.kind}`]}
                    </Link>
                    <span className="kr-notice__meta">
                      {formatDateTime(notice.createdAt)} · {notice.readAt ? t.read : <strong>{t.unread}</strong>}
                    </span>
                  </li>
                ))}
              </ul>
              {data.total > data.pageSize ? (
                <ButtonGroup>
                  <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                    {m.app.previous}
                  </Button>
                  <Button variant="secondary" disabled={page * data.pageSize >= data.total} onClick={() => setPage(page + 1)}>
                    {m.app.next}
                  </Button>
                </ButtonGroup>
              ) : null}
            </>
          )
        }
      </AsyncContent>
    </Page>
  );
}
