/** Chat models of external providers (OpenAI, Anthropic, Gemini, Ollama) through LangChain4j. */
package io.encaptio.infrastructure.llm;
