import { loadContentPlugin } from "@cohesion/test-support/content-plugin-kit";

/** The Cohesion and Belonging plugin as @cohesion/core loads it. */
export const cohesionBelonging = loadContentPlugin(new URL("..", import.meta.url));

/** The two publications this plugin draws on, as its content cites them. */
export const LESSONS_REPORT = "Lessons Learned Report: Cohesion and Belonging City Working Group";
export const EVIDENCE_REVIEW = "Cohesion and Belonging: Review of the Evidence";

/** A framework item as the content files hold it. */
export interface FrameworkItemData {
  readonly id: string;
  readonly title: string;
  readonly itemType?: string;
  readonly effect?: string;
  readonly items?: readonly FrameworkItemData[];
}

/** A framework as the content files hold it. */
export interface FrameworkData {
  readonly id: string;
  readonly frameworkType: string;
  readonly items: readonly FrameworkItemData[];
  readonly glossary?: readonly { term: string }[];
  readonly programmes?: readonly { id: string; name: string }[];
}

/** Every item of a framework, nested ones included, in document order. */
export function allItems(framework: FrameworkData): FrameworkItemData[] {
  const out: FrameworkItemData[] = [];
  const visit = (items: readonly FrameworkItemData[]): void => {
    for (const item of items) {
      out.push(item);
      visit(item.items ?? []);
    }
  };
  visit(framework.items);
  return out;
}
