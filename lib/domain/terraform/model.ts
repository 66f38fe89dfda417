/**
 * The module view model. Its types belong to the templates that render it
 * (`terraform-templates/model.ts`), so imports run one way: the domain imports the templates.
 */
export type * from "../../../terraform-templates/model";
