// An HttpClient that records requests and answers 200 without any network: for checking the
// default endpoints (PagerDuty's, GitHub's), which the tests must not reach.
import type {
  HttpClient,
  HttpRequest,
  HttpResponse,
} from "../../../../functions/alert_processor/outputs/http";

export function recordingHttpClient(answer: unknown = {}): HttpClient & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return {
    sent,
    async request(request): Promise<HttpResponse> {
      sent.push(request);
      const text = JSON.stringify(answer);
      return { status: 200, headers: new Headers(), text, json: () => JSON.parse(text) };
    },
  };
}
