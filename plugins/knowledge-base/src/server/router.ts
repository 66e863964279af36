/**
 * @module The knowledge base's tRPC procedures: reading and searching for everyone,
 * writing and history for editors (agents, admins), quick links for admins.
 */
import { adminProcedure, agentProcedure, authedProcedure, input, publicProcedure, router } from "@wharf/core"
import { Effect } from "effect"
import {
  CreateArticleInput,
  DiffInput,
  EditorListInput,
  FeedbackInput,
  IdInput,
  LocaleInput,
  PreviewInput,
  QuickLinksInput,
  RevisionInput,
  SearchInput,
  UpdateArticleInput
} from "../shared/schemas"
import { tagKey } from "../shared/tags"
import {
  createArticle,
  deleteArticle,
  diffRevisions,
  getArticle,
  listRevisions,
  previewMarkdown,
  restoreRevision,
  updateArticle
} from "./articles"
import { editorList, feedbackReport, popular, quickLinks, recent, setQuickLinks, vote } from "./engagement"
import { facets } from "./facets"
import { KbSearch } from "./search"

export const searchArticles = (q: typeof SearchInput.Type) =>
  Effect.gen(function* () {
    return yield* (yield* KbSearch).search({
      ...q,
      // An old link may name a tag by its label (?tag=常见问题).
      tag: q.tag === undefined ? undefined : tagKey(q.tag),
      limit: q.limit ?? 10,
      offset: q.offset ?? 0
    })
  })

const related = (id: string) =>
  Effect.gen(function* () {
    const article = yield* getArticle(id)
    return (yield* (yield* KbSearch).related(article)).items
  })

export const knowledgeBaseRouter = router({
  search: publicProcedure.input(input(SearchInput)).query(({ ctx, input }) => ctx.run(searchArticles(input))),
  home: publicProcedure.input(input(LocaleInput)).query(({ ctx, input }) =>
    ctx.run(
      Effect.all({
        quickLinks: quickLinks(input.locale),
        popular: popular(input.locale),
        recent: recent(input.locale)
      })
    )
  ),
  facets: publicProcedure.query(({ ctx }) => ctx.run(facets())),
  get: publicProcedure.input(input(IdInput)).query(({ ctx, input }) => ctx.run(getArticle(input.id))),
  related: publicProcedure.input(input(IdInput)).query(({ ctx, input }) => ctx.run(related(input.id))),
  vote: authedProcedure
    .input(input(FeedbackInput))
    .mutation(({ ctx, input }) => ctx.run(vote(input.id, input.helpful, input.comment ?? ""))),
  editor: router({
    list: agentProcedure.input(input(EditorListInput)).query(({ ctx, input }) => ctx.run(editorList(input))),
    create: agentProcedure
      .input(input(CreateArticleInput))
      .mutation(({ ctx, input }) => ctx.run(createArticle(input))),
    update: agentProcedure
      .input(input(UpdateArticleInput))
      .mutation(({ ctx, input }) => ctx.run(updateArticle(input))),
    delete: agentProcedure
      .input(input(IdInput))
      .mutation(({ ctx, input }) => ctx.run(Effect.as(deleteArticle(input.id), { ok: true as const }))),
    preview: agentProcedure
      .input(input(PreviewInput))
      .query(({ ctx, input }) => ctx.run(previewMarkdown(input.body))),
    revisions: agentProcedure
      .input(input(IdInput))
      .query(({ ctx, input }) => ctx.run(listRevisions(input.id))),
    diff: agentProcedure
      .input(input(DiffInput))
      .query(({ ctx, input }) => ctx.run(diffRevisions(input.id, input.from, input.to))),
    restore: agentProcedure
      .input(input(RevisionInput))
      .mutation(({ ctx, input }) => ctx.run(restoreRevision(input.id, input.revision))),
    feedback: agentProcedure.query(({ ctx }) => ctx.run(feedbackReport()))
  }),
  quickLinks: router({
    set: adminProcedure
      .input(input(QuickLinksInput))
      .mutation(({ ctx, input }) => ctx.run(setQuickLinks(input.locale, input.links)))
  })
})

export type KnowledgeBaseRouter = typeof knowledgeBaseRouter
