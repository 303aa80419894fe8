// dmn-js ships JavaScript without type declarations: the few calls the table editor makes.
declare module 'dmn-js/lib/Modeler' {
  export interface DmnView {
    type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression' | string;
    element: { id: string; name?: string; decisionLogic?: { $type: string; rule?: { id: string }[] } };
  }
  export interface EventBus {
    on(event: string, callback: (...args: unknown[]) => void): void;
    off(event: string, callback: (...args: unknown[]) => void): void;
  }
  export interface DmnViewer {
    get(name: 'eventBus'): EventBus;
    get(name: string): unknown;
  }
  export default class DmnModeler {
    constructor(options: { container: HTMLElement; [key: string]: unknown });
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): DmnView[];
    getActiveView(): DmnView | undefined;
    getActiveViewer(): DmnViewer | undefined;
    open(view: DmnView): Promise<{ warnings: unknown[] }>;
    on(event: string, callback: (...args: unknown[]) => void): void;
    destroy(): void;
  }
}
