import { useFormat } from '../i18n/format';

interface ReviewProps {
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

/** Who reviewed a report revision and when, with the reviewer's comment; "–" before any review. */
export function Review({ reviewedBy, reviewedAt, reviewComment }: ReviewProps) {
  const format = useFormat();
  if (!reviewedBy) return <>–</>;
  return (
    <>
      {reviewedBy}
      {reviewedAt ? `, ${format.dateTime(reviewedAt)}` : ''}
      {reviewComment ? <blockquote className="review-comment">{reviewComment}</blockquote> : null}
    </>
  );
}
