export default function CaseView({ caseId }: { caseId: string }) {
  return <p>{caseId}</p>;
}
