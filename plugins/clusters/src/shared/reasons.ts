/**
 * @module Why a label (or another clusters input) is refused, as codes the console renders
 * in the reader's language; the English templates here also make the server's messages.
 */
import { defineReasons } from "@wharf/core/reason"

export const clustersReasons = defineReasons({
  "clusters.label.notKeyValue": '"{text}" is not key=value',
  "clusters.label.empty": "{text}: the {part} must not be empty",
  "clusters.label.tooLong": "{text}: the {part} must be 63 characters or fewer (it has {length})",
  "clusters.label.badCharacters": '{text}: the {part} may contain only letters, digits, "-", "_" and "."',
  "clusters.label.badEnds": "{text}: the {part} must start and end with a letter or digit",
  "clusters.label.emptyPrefix": '{text}: the key\'s prefix (before "/") must not be empty',
  "clusters.label.longPrefix": "{text}: the key's prefix must be 253 characters or fewer",
  "clusters.label.badPrefix":
    '{text}: the key\'s prefix must be a DNS subdomain: lowercase letters, digits, "-" and ".", like example.com'
})

export const clustersReasonsZh = {
  "error.clusters.label.notKeyValue": "“{text}”不是 key=value 的格式",
  "error.clusters.label.empty": "{text}：{part}不能为空",
  "error.clusters.label.tooLong": "{text}：{part}最多 63 个字符（现在有 {length} 个）",
  "error.clusters.label.badCharacters": "{text}：{part}只能包含字母、数字、“-”、“_”和“.”",
  "error.clusters.label.badEnds": "{text}：{part}必须以字母或数字开头和结尾",
  "error.clusters.label.emptyPrefix": "{text}：键的前缀（“/”之前）不能为空",
  "error.clusters.label.longPrefix": "{text}：键的前缀最多 253 个字符",
  "error.clusters.label.badPrefix":
    "{text}：键的前缀必须是 DNS 子域名（小写字母、数字、“-”和“.”），例如 example.com"
} satisfies Record<`error.${keyof typeof clustersReasons.templates}`, string>

export type ClustersReason = keyof typeof clustersReasons.templates
