import { useMonaco } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import type { GraphQLSchema } from 'graphql';
import type { UserManager } from 'oidc-client-ts';
import { useEffect, useMemo } from 'react';
import { authorisedFetcher } from './graph';

const EXAMPLE_QUERY = `# Örnek sorgu · Example query
# Çalıştır · Run: ▶, Ctrl+Enter
query StrategicAreas {
  areas {
    code
    name
    nameEn
    goals {
      code
      title
    }
  }
}
`;

/**
 * Monaco marks letters that look like Latin ones as suspicious; in Turkish answers that boxes every
 * ı. The editors GraphiQL creates are given the option as they appear.
 */
function useTurkishLettersUnmarked(): void {
  const monaco = useMonaco((state) => state.monaco);
  useEffect(() => {
    if (!monaco) return;
    const options = { unicodeHighlight: { ambiguousCharacters: false } };
    for (const editor of monaco.editor.getEditors()) editor.updateOptions(options);
    const created = monaco.editor.onDidCreateEditor((editor) => editor.updateOptions(options));
    return () => created.dispose();
  }, [monaco]);
}

export function Explorer({ manager, schema }: { manager: UserManager; schema: GraphQLSchema }) {
  const fetcher = useMemo(() => authorisedFetcher(manager), [manager]);
  useTurkishLettersUnmarked();
  return (
    <div className="explorer">
      <header className="explorer-header">
        <h1>
          API gezgini <span lang="en">· API explorer</span>
        </h1>
        <nav aria-label="Bağlantılar · Links">
          <a href="/docs">
            API belgeleri <span lang="en">· API reference</span>
          </a>
          <a href="/">Portal</a>
          <button type="button" onClick={() => void manager.signoutRedirect()}>
            Oturumu kapat <span lang="en">· Sign out</span>
          </button>
        </nav>
      </header>
      {/* GraphiQL's own interface is in English. */}
      <main className="explorer-main" lang="en">
        <GraphiQL
          fetcher={fetcher}
          schema={schema}
          defaultQuery={EXAMPLE_QUERY}
          defaultEditorToolsVisibility={false}
          forcedTheme="light"
        />
      </main>
    </div>
  );
}
