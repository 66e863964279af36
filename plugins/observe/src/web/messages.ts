/** @module The observe console texts, zh-CN first; each part (terminal and logs, metrics) keeps its own block. */

export const messages = {
  "zh-CN": {
    "observe.title": "观测"
  },
  en: {
    "observe.title": "Observe"
  }
}
