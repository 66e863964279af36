/**
 * @module The shared checks speak English (the CLI and REST show them as they are); the
 * console says the common ones in the reader's language too.
 */
import { locale } from "@wharf/core/web"

const ZH: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^must be a number$/, () => "请输入数字"],
  [/^must be a whole number$/, () => "请输入整数"],
  [/^must be at least (.+)$/, (m) => `不能小于 ${m[1]}`],
  [/^must be at most (\d+) characters$/, (m) => `最多 ${m[1]} 个字符`],
  [/^must be at most (.+)$/, (m) => `不能大于 ${m[1]}`],
  [/^must be one of (.+)$/, (m) => `只能是 ${m[1]} 之一`],
  [/^must be an image reference, like (.+)$/, (m) => `请填写镜像地址，如 ${m[1]}`],
  [/^"(.*)" is not a valid environment variable name$/, (m) => `“${m[1]}”不是有效的环境变量名`],
  [
    /^must be lowercase letters, digits or dashes, start with a letter and end with a letter or digit$/,
    () => "只能包含小写字母、数字和连字符，以字母开头，以字母或数字结尾"
  ],
  [/^is required$/, () => "此依赖为必选，请新建或选择已有实例"],
  [/^choose an instance$/, () => "请选择一个已有实例"]
]

export const problemText = (message: string): string => {
  if (locale() !== "zh-CN") return message
  for (const [pattern, say] of ZH) {
    const m = pattern.exec(message)
    if (m) return say(m)
  }
  return message
}
