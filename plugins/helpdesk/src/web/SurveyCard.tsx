/**
 * @module The satisfaction survey offered on a closed ticket: 1–5 stars and a comment,
 * once; afterwards it shows what was given.
 */
import { Button, Card, Textarea, t } from "@wharf/core/web"
import { createSignal, For, Show } from "solid-js"
import type { TicketDetail } from "../shared/types"
import { describe } from "./api"
import { Stars } from "./parts"

export const SurveyCard = (props: {
  ticket: TicketDetail
  onSubmit: (rating: number, comment: string) => Promise<unknown>
}) => {
  const [rating, setRating] = createSignal(0)
  const [comment, setComment] = createSignal("")
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const submit = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await props.onSubmit(rating(), comment())
    } catch (e) {
      setError(describe(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card title={t("helpdesk.survey.title")}>
      <Show
        when={props.ticket.survey}
        fallback={
          <div class="hd-survey">
            <p>{t("helpdesk.survey.ask")}</p>
            <fieldset class="hd-star-input">
              <legend class="visually-hidden">{t("helpdesk.survey.ask")}</legend>
              <For each={[1, 2, 3, 4, 5]}>
                {(n) => (
                  <label class={`hd-star ${n <= rating() ? "on" : ""}`}>
                    <input
                      type="radio"
                      name="rating"
                      class="visually-hidden"
                      value={n}
                      checked={rating() === n}
                      onChange={() => setRating(n)}
                    />
                    <span aria-hidden="true">★</span>
                    <span class="visually-hidden">{t("helpdesk.survey.stars", { n })}</span>
                  </label>
                )}
              </For>
            </fieldset>
            <Textarea
              label={t("helpdesk.survey.comment")}
              rows={3}
              value={comment()}
              onInput={(e) => setComment(e.currentTarget.value)}
            />
            <Show when={error()}>
              <div class="notice notice-error" role="alert">
                {error()}
              </div>
            </Show>
            <Button variant="primary" disabled={rating() === 0} loading={busy()} onClick={submit}>
              {t("helpdesk.survey.submit")}
            </Button>
          </div>
        }
      >
        {(s) => (
          <div class="hd-survey-done">
            <p>{t("helpdesk.survey.thanks")}</p>
            <Stars rating={s().rating} />
            <Show when={s().comment}>
              <blockquote>{s().comment}</blockquote>
            </Show>
          </div>
        )}
      </Show>
    </Card>
  )
}
