/**
 * The project board's part of the one orchestration query: the board (by number, or the owner's
 * projects found by title) with its fields, and each issue's items on it with their values.
 * Everything sits under `@include(if: $withBoard)`: a hub without a board reads none of it.
 */
export const BOARD_FRAGMENTS = /* GraphQL */ `
  fragment HavunBoardOwner on RepositoryOwner {
    __typename
    ... on ProjectV2Owner {
      byNumber: projectV2(number: $boardNumber) @include(if: $boardByNumber) {
        ...HavunBoard
      }
      byTitle: projectsV2(first: 20, query: $boardTitle) @skip(if: $boardByNumber) {
        nodes {
          ...HavunBoard
        }
      }
    }
  }
  fragment HavunBoard on ProjectV2 {
    id
    number
    title
    url
    viewerCanUpdate
    fields(first: 50) {
      nodes {
        ... on ProjectV2FieldCommon {
          id
          name
          dataType
        }
        ... on ProjectV2SingleSelectField {
          options {
            id
            name
          }
        }
      }
    }
  }
  fragment HavunBoardItems on ProjectV2ItemConnection {
    nodes {
      id
      project {
        id
      }
      fieldValues(first: 20) {
        nodes {
          ... on ProjectV2ItemFieldTextValue {
            text
            field {
              ...HavunFieldId
            }
          }
          ... on ProjectV2ItemFieldNumberValue {
            number
            field {
              ...HavunFieldId
            }
          }
          ... on ProjectV2ItemFieldSingleSelectValue {
            optionId
            field {
              ...HavunFieldId
            }
          }
        }
      }
    }
  }
  fragment HavunFieldId on ProjectV2FieldConfiguration {
    ... on ProjectV2FieldCommon {
      id
    }
  }
`;

export interface BoardNode {
  id: string;
  number: number;
  title: string;
  url: string;
  viewerCanUpdate: boolean;
  fields: {
    nodes: ({
      id?: string;
      name?: string;
      dataType?: string;
      options?: { id: string; name: string }[];
    } | null)[];
  };
}

export interface BoardOwnerNode {
  __typename: string;
  byNumber?: BoardNode | null;
  byTitle?: { nodes: (BoardNode | null)[] };
}

export interface BoardItemNode {
  id: string;
  project: { id: string };
  fieldValues: {
    nodes: ({
      text?: string;
      number?: number;
      optionId?: string;
      field?: { id?: string };
    } | null)[];
  };
}

export interface BoardItemsNode {
  nodes: (BoardItemNode | null)[];
}

/** Where the board is: `project_board` as the read needs it. */
export interface BoardLocator {
  owner: string;
  number: number | null;
  title: string;
}

/** The query's board variables (all present, as GraphQL requires, with or without a board). */
export function boardVariables(board: BoardLocator | null | undefined): Record<string, unknown> {
  return {
    withBoard: !!board,
    boardOwner: board?.owner ?? "",
    boardByNumber: board?.number != null,
    boardNumber: board?.number ?? 1,
    boardTitle: board?.title ?? "",
  };
}
