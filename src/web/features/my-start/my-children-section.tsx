// SPDX-License-Identifier: EUPL-1.2
// "Mijn kinderen" on Mijn Kansrijke Start: a tile per child the parent may see (born, under 12, under
// their authority), each a link to the child's page. A closed child's tile says nothing more.
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { AsyncContent, useAsync } from '../../components/page.js';
import { Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { myStartApi } from './api.js';
import { isSessionEnd } from './parent-area.js';

export function MyChildrenSection() {
  const { m, format } = useMessages();
  const navigate = useNavigate();
  const state = useAsync(() => myStartApi.children(), []);
  useEffect(() => {
    if (state.error && isSessionEnd(state.error)) navigate('/mijn/inloggen?uit=1');
  }, [state.error, navigate]);
  const text = m.myStart;
  return (
    <section className="kr-section" aria-labelledby="children-title">
      <Heading level={2} id="children-title">
        {text.childrenTitle}
      </Heading>
      <Paragraph>{text.childrenIntro}</Paragraph>
      <AsyncContent state={state}>
        {(data) =>
          data.items.length === 0 ? (
            <Paragraph>{text.childrenEmpty}</Paragraph>
          ) : (
            <ul className="kr-cards">
              {data.items.map((child) => (
                <li key={child.childId} className="kr-card">
                  <Heading level={3} className="kr-card__title">
                    <Link to={`/mijn/kinderen/${child.childId}`}>{format(child.isClosed ? text.childOpenClosed : text.childOpen, { name: child.givenName })}</Link>
                  </Heading>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncContent>
    </section>
  );
}
