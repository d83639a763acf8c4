import { useEffect, useRef, useState } from 'react';
import { api } from '../../api-client.ts';
import type { CaseDetail, MessagePosted } from '../../api-types.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeading } from '../../components/page.tsx';
import { ErrorAlert, Loading, Notice } from '../../components/status.tsx';
import { describeEvent } from '../../messages/case-labels.ts';
import { type Flash, takeFlash } from '../../messages/flash.ts';
import { useCaseEvents, useLiveResource } from '../../messages/live.ts';
import { MessageItem } from '../../messages/message-item.tsx';
import { mergeTimeline } from '../../messages/timeline.ts';
import { Link } from '../../router.tsx';
import { CsatPrompt } from './csat.tsx';
import { CaseLetters } from '../complaints/case-letters.tsx';
import { type NextSteps, NextStepsNotice } from '../complaints/next-steps-notice.tsx';
import { EscalatePanel } from './escalate-panel.tsx';
import { HumanPath } from './human-path.tsx';
import { ReplyForm } from './reply-form.tsx';

function CaseBar({ detail }: { detail: CaseDetail }) {
  const who = detail.assignee ? `${detail.assignee.displayName}, agent ID ${detail.assignee.agentCode}` : 'the next available representative';
  return (
    <div className="case-bar" role="group" aria-label="Case">
      <p>
        <span className="case-bar__label">Case</span> <strong className="case-bar__number">{detail.number}</strong>
      </p>
      <p>
        <span className="case-bar__label">Status</span> <strong>{detail.statusLabel}</strong>
      </p>
      <p>
        <span className="case-bar__label">Handled by</span> <strong>{who}</strong>
      </p>
      {detail.replyExpectedBy ? (
        <p>
          <span className="case-bar__label">We will answer by</span> <strong>{formatDateTime(detail.replyExpectedBy)}</strong>
        </p>
      ) : null}
    </div>
  );
}

function SentNotice({ flash, number }: { flash: Flash; number: string }) {
  return (
    <>
      {flash.sent ? (
        <Notice tone="success" title={`Message sent. Your case number is ${number}.`}>
          <p>Keep it for your records. We will reply here and let you know by e-mail.</p>
        </Notice>
      ) : null}
      {flash.notice ? (
        <Notice tone="warning" title="We removed sensitive details">
          <p>{flash.notice}</p>
        </Notice>
      ) : null}
    </>
  );
}

export function ConversationPage({ id }: { id: string }) {
  const path = `/api/v1/cases/${encodeURIComponent(id)}`;
  const detail = useLiveResource<CaseDetail>(path);
  const [flash, setFlash] = useState<Flash | null>(() => takeFlash(id));
  const [nextSteps, setNextSteps] = useState<NextSteps | null>(null);
  const marked = useRef<string>('');
  useCaseEvents((event) => {
    if (event.caseId === null || event.caseId === id) void detail.refresh();
  });

  const data = detail.data;
  // Opening the conversation reads the other side's messages (again whenever new ones arrive).
  const lastMessage = data?.messages.at(-1)?.id ?? '';
  useEffect(() => {
    if (!data || marked.current === lastMessage) return;
    marked.current = lastMessage;
    api<void>(`${path}/read`, { method: 'POST' }).catch(() => {}); // a read receipt is not worth an error message
  }, [data, lastMessage, path]);

  const onSent = (posted: MessagePosted) => {
    setFlash({ caseId: id, sent: false, notice: posted.notice });
    setNextSteps(posted.nextSteps ?? null);
    void detail.refresh();
  };

  const title = data?.subject ?? 'Conversation';
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/messages">All messages</Link>
      </nav>
      <PageHeading title={data ? `${data.subject} (case ${data.number})` : 'Conversation'}>{title}</PageHeading>
      {data ? <CaseBar detail={data} /> : null}
      <div role="status" className="stack-sm live-region">
        {flash && data ? <SentNotice flash={flash} number={data.number} /> : null}
        <NextStepsNotice steps={nextSteps} />
      </div>
      {detail.isLoading && !data ? <Loading label="Loading the conversation…" /> : null}
      {detail.error && !data ? (
        <ErrorAlert error={detail.error} title={detail.error.status === 404 ? 'We can’t find this conversation.' : 'We couldn’t load this conversation.'}>
          <p>
            <Link to="/messages">Back to all messages</Link>
          </p>
        </ErrorAlert>
      ) : null}
      {data ? (
        <>
          {data.mergedInto ? <Notice title={`This conversation continues in case ${data.mergedInto}.`} /> : null}
          <section className="stack" aria-labelledby="messages-heading">
            <h2 id="messages-heading">Messages</h2>
            <ol className="plain-list conversation">
              {mergeTimeline(data.messages, data.timeline).map((item) => (
                <li key={item.key}>
                  {item.message ? (
                    <MessageItem message={item.message} audience="cardholder" />
                  ) : item.event ? (
                    <p className="event">
                      {describeEvent(item.event, 'cardholder')} · <time dateTime={item.event.at}>{formatDateTime(item.event.at)}</time>
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
          <CaseLetters caseId={id} version={lastMessage} />
          <CsatPrompt caseId={id} rating={data.csat.rating} canRate={data.csat.canRate} onRated={() => void detail.refresh()} />
          {data.canReply ? (
            <ReplyForm caseId={id} onSent={onSent} onClosed={() => void detail.refresh()} />
          ) : (
            <Notice title="This conversation is closed">
              <p>
                To ask something new, <Link to={`/messages/new${data.accountId ? `?accountId=${encodeURIComponent(data.accountId)}` : ''}`}>write a new message</Link>{' '}
                and mention case {data.number}.
              </p>
            </Notice>
          )}
          <EscalatePanel detail={data} onEscalated={() => void detail.refresh()} />
          <HumanPath productLine={data.productLine} />
        </>
      ) : null}
    </div>
  );
}
