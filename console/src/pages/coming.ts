import { h, mount } from '../ui';

/** A page of issue #13 that is not built yet: says so instead of a blank page. */
export function render(title: string) {
  return async (root: HTMLElement, _params: string[]): Promise<void> => {
    mount(
      root,
      h('h1', null, title),
      h('p', null, `The ${title} page is not built yet. The REST API has the data: see the README's "Decision service" section.`),
    );
  };
}
