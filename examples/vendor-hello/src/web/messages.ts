import type { Messages } from "@wharf/core/web"

export const messages: Messages = {
  "zh-CN": {
    "hello.nav": "问候",
    "hello.title": "问候墙",
    "hello.message": "问候语",
    "hello.author": "作者",
    "hello.add": "留下问候",
    "hello.empty": "还没有问候"
  },
  en: {
    "hello.nav": "Greetings",
    "hello.title": "Greetings wall",
    "hello.message": "Greeting",
    "hello.author": "Author",
    "hello.add": "Leave a greeting",
    "hello.empty": "No greetings yet"
  }
}
