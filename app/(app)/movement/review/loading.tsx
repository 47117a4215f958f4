import { Loading } from "@/components/ui/loading";

export default function LoadingReview() {
  return <Loading />;
}
