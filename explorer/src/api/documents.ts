/**
 * Every GraphQL operation the explorer sends. graphql-codegen's client preset reads them
 * (`npm run codegen`) and writes their result and variable types to ../gql/, so each call is
 * typed end to end. Documents are plain strings (documentMode: string): no GraphQL runtime is
 * bundled, and the same text is what the GraphiQL links open.
 */
import { graphql } from '../gql';

export const sourceFields = graphql(`
  fragment SourceFields on Source {
    id
    url
    publisher
    title
    publishedOn
  }
`);

export const searchQuery = graphql(`
  query Search($text: String!, $first: Int) {
    search(text: $text, first: $first) {
      __typename
      id
      ... on Organization {
        name
        orgKind: kind
        aliases
      }
      ... on Chip {
        name
        chipKind: kind
      }
      ... on CloudService {
        name
        serviceKind: kind
      }
      ... on Deal {
        title
        status
        announcedOn
      }
      ... on Exclusivity {
        title
        status
      }
    }
  }
`);

export const neighborhoodQuery = graphql(`
  query Neighborhood($id: ID!, $depth: Int, $kinds: [GraphNodeKind!], $asOf: Date, $knownOn: Date, $limit: Int) {
    neighborhood(id: $id, depth: $depth, kinds: $kinds, asOf: $asOf, knownOn: $knownOn, limit: $limit) {
      truncated
      nodes {
        id
        kind
        label
        status
        amountUsd
        node {
          __typename
          ... on Organization {
            orgKind: kind
          }
          ... on Chip {
            chipKind: kind
          }
          ... on CloudService {
            serviceKind: kind
          }
          ... on Deal {
            dealKind: kind
            amountQualifier
            currentStatus
          }
          ... on Exclusivity {
            exclusivityKind: kind
            currentStatus
          }
        }
      }
      edges {
        source
        target
        type
      }
    }
  }
`);

export const nodeDetailsQuery = graphql(`
  query NodeDetails($id: ID!, $asOf: Date, $knownOn: Date) {
    node(id: $id, asOf: $asOf, knownOn: $knownOn) {
      __typename
      id
      ... on Organization {
        name
        orgKind: kind
        country
        aliases
        description
        committedUsd(asOf: $asOf, knownOn: $knownOn)
        controls {
          controlled {
            id
            name
          }
          stakePct
          validFrom
          validUntil
          sources {
            ...SourceFields
          }
        }
        controlledBy {
          controller {
            id
            name
          }
          stakePct
          validFrom
          validUntil
          sources {
            ...SourceFields
          }
        }
        cloudServices {
          id
          name
        }
        chipsDesigned {
          id
          name
        }
        exclusivitiesHeld(asOf: $asOf, knownOn: $knownOn) {
          id
          title
          status
        }
        exclusivitiesGranted(asOf: $asOf, knownOn: $knownOn) {
          id
          title
          status
        }
        deals(first: 100, filter: { asOf: $asOf, knownOn: $knownOn }) {
          totalCount
          edges {
            node {
              id
              title
              status
              amountUsd
              amountQualifier
              announcedOn
            }
          }
        }
      }
      ... on Deal {
        title
        dealKind: kind
        status
        currentStatus
        confidence
        announcedOn
        effectiveFrom
        effectiveUntil
        term
        endedOn
        amountUsd
        amountQualifier
        round
        summary
        coverageNote
        parties {
          organization {
            id
            name
          }
          role
          amountUsd
          lead
        }
        chips {
          id
          name
        }
        cloudServices {
          id
          name
        }
        sources {
          ...SourceFields
        }
        statusHistory {
          status
          on
          note
          sources {
            ...SourceFields
          }
        }
        otherReports {
          amountUsd
          amountQualifier
          note
          sources {
            ...SourceFields
          }
        }
        supersedes {
          id
          title
          status
        }
        supersededBy {
          id
          title
          status
        }
        exclusivities {
          id
          title
          status
        }
      }
      ... on Exclusivity {
        title
        exclusivityKind: kind
        scope
        status
        currentStatus
        confidence
        announcedOn
        validFrom
        validUntil
        term
        until
        endedOn
        holder {
          id
          name
        }
        grantor {
          id
          name
        }
        deal {
          id
          title
          status
        }
        sources {
          ...SourceFields
        }
        statusHistory {
          status
          on
          note
          sources {
            ...SourceFields
          }
        }
      }
      ... on Chip {
        name
        chipKind: kind
        chipAnnouncedOn: announcedOn
        aliases
        designer {
          id
          name
        }
        manufacturer {
          id
          name
        }
        offeredBy {
          id
          name
        }
      }
      ... on CloudService {
        name
        serviceKind: kind
        aliases
        operator {
          id
          name
        }
        chips {
          id
          name
        }
      }
      ... on Source {
        url
        publisher
        title
        publishedOn
      }
    }
  }
`);

export const organizationsQuery = graphql(`
  query Organizations($after: String) {
    organizations(first: 100, after: $after, sort: NAME) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          orgKind: kind
        }
      }
    }
  }
`);

export const historyBoundsQuery = graphql(`
  query HistoryBounds {
    deals(sort: ANNOUNCED_ASC, first: 1) {
      edges {
        node {
          announcedOn
        }
      }
    }
  }
`);

export const supplyDealFields = graphql(`
  fragment SupplyDeal on Deal {
    id
    title
    dealKind: kind
    status
    confidence
    amountUsd
    amountQualifier
    announcedOn
    parties {
      organization {
        id
        name
        orgKind: kind
      }
      role
    }
  }
`);

export const suppliersQuery = graphql(`
  query Suppliers($of: ID!, $excluding: [ID!], $asOf: Date, $knownOn: Date, $first: Int) {
    byGw: concentration(of: $of, asOf: $asOf, knownOn: $knownOn, by: GW) {
      shares {
        supplier {
          id
        }
        capacityGw
      }
    }
    suppliers(of: $of, excluding: $excluding, asOf: $asOf, knownOn: $knownOn, first: $first) {
      totalCount
      edges {
        node {
          supplier {
            id
            name
            orgKind: kind
          }
          committedUsd
          potentialUsd
          deals {
            ...SupplyDeal
          }
          chips {
            id
            name
          }
          cloudServices {
            id
            name
          }
          restrictedBy {
            id
            title
            status
            until
            holder {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const exclusivitiesQuery = graphql(`
  query Exclusivities($org: ID!, $asOf: Date, $knownOn: Date) {
    held: exclusivities(holder: $org, asOf: $asOf, knownOn: $knownOn) {
      ...ExclusivityItem
    }
    granted: exclusivities(grantor: $org, asOf: $asOf, knownOn: $knownOn) {
      ...ExclusivityItem
    }
  }
  fragment ExclusivityItem on Exclusivity {
    id
    title
    exclusivityKind: kind
    scope
    status
    confidence
    until
    endedOn
    holder {
      id
      name
      orgKind: kind
    }
    grantor {
      id
      name
      orgKind: kind
    }
    sources {
      ...SourceFields
    }
  }
`);

export const concentrationQuery = graphql(`
  query Concentration($of: ID!, $asOf: Date, $knownOn: Date) {
    concentration(of: $of, asOf: $asOf, knownOn: $knownOn) {
      organization {
        id
        name
      }
      asOf
      totalCommittedUsd
      hhi
      shares {
        supplier {
          id
          name
          orgKind: kind
        }
        committedUsd
        potentialUsd
        capacityGw
        share
        deals {
          ...SupplyDeal
        }
      }
      dealsWithoutAmount {
        id
        title
        status
      }
    }
  }
`);

export const pathsQuery = graphql(`
  query Paths($from: ID!, $to: ID!, $maxHops: Int, $asOf: Date, $knownOn: Date) {
    paths(from: $from, to: $to, maxHops: $maxHops, asOf: $asOf, knownOn: $knownOn) {
      hops
      nodes {
        __typename
        id
        ... on Organization {
          name
          orgKind: kind
        }
        ... on Deal {
          title
          status
          amountUsd
          dealKind: kind
        }
        ... on Exclusivity {
          title
          status
        }
        ... on Chip {
          name
        }
        ... on CloudService {
          name
        }
      }
      steps {
        from {
          id
        }
        relationship
        to {
          id
        }
      }
    }
  }
`);

export const changesQuery = graphql(`
  query Changes($org: ID!, $from: Date!, $to: Date!, $after: String) {
    changes(from: $from, to: $to, organizations: [$org], first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          on
          kind
          status
          fact {
            __typename
            ... on Deal {
              id
              title
            }
            ... on Exclusivity {
              id
              title
            }
          }
        }
      }
    }
  }
`);

/**
 * The access questions' documents select organization kinds as plain `kind` (no alias): the
 * server allows at most 15 aliases per operation, and the diversification answer repeats these
 * fragments for every lab and cloud.
 */
export const channelFields = graphql(`
  fragment ChannelItem on Channel {
    id
    title
    access
    status
    confidence
    announcedOn
    availableFrom
    availableUntil
    endedOn
    models
    terms
    lab {
      id
      name
      kind
    }
    provider {
      id
      name
      kind
    }
    cloudService {
      id
      name
    }
    governedBy {
      id
      title
      status
      until
      holder {
        id
        name
        kind
      }
      grantor {
        id
        name
        kind
      }
    }
  }
`);

export const availabilityQuery = graphql(`
  query Availability($of: ID!, $asOf: Date, $knownOn: Date) {
    availability(of: $of, asOf: $asOf, knownOn: $knownOn) {
      ...ChannelItem
    }
  }
`);

export const diversificationQuery = graphql(`
  query Diversification($for: ID!, $outside: [ID!], $asOf: Date, $knownOn: Date) {
    diversification(for: $for, outside: $outside, asOf: $asOf, knownOn: $knownOn) {
      organization {
        id
        name
        kind
      }
      country
      asOf
      excluded {
        id
        name
      }
      dependencies {
        ...SupplyDeal
      }
      labs {
        lab {
          id
          name
          kind
        }
        channels {
          ...ChannelItem
        }
        constraints {
          ...ConstraintItem
        }
        confidence
      }
      clouds {
        cloudService {
          id
          name
        }
        operator {
          id
          name
          kind
        }
        channels {
          ...ChannelItem
        }
        deals {
          ...SupplyDeal
        }
        constraints {
          ...ConstraintItem
        }
        confidence
      }
      onlyThroughExcluded {
        id
        name
        kind
      }
      restrictions {
        id
        title
        kind
        status
        inEffect
      }
    }
  }
  fragment ConstraintItem on Constraint {
    kind
    heldByExcludedProvider
    note
    channel {
      id
      title
    }
    exclusivity {
      id
      title
      status
      holder {
        id
        name
        kind
      }
      grantor {
        id
        name
        kind
      }
    }
    restriction {
      id
      title
      status
    }
  }
`);
