import { notFound, parseArgs } from '@cocuk-koruma/platform';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { coordinationBodies, meetings, provinces } from '../db/schema.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { bodiesArgs, idArgs, meetingsArgs, plateCodeArgs, present } from './args.js';

export const coordinationResolvers = {
  Query: {
    provinces: async (_parent, _args, ctx) =>
      await ctx.familyDb.select().from(provinces).orderBy(asc(provinces.plateCode)),
    province: async (_parent, args, ctx) => {
      const { plateCode } = parseArgs(plateCodeArgs, args);
      const province = await ctx.family.province.load(plateCode);
      if (!province) throw notFound('province', plateCode);
      return province;
    },
    coordinationBodies: async (_parent, args, ctx) => {
      const { plateCode } = parseArgs(bodiesArgs, args);
      const conditions: SQL[] = [];
      if (args.level) conditions.push(eq(coordinationBodies.level, args.level));
      if (plateCode) conditions.push(eq(coordinationBodies.provincePlateCode, plateCode));
      // Enum order puts the central body first, then provinces by plate code, then districts.
      return await ctx.familyDb
        .select()
        .from(coordinationBodies)
        .where(and(...conditions))
        .orderBy(
          asc(coordinationBodies.level),
          asc(coordinationBodies.provincePlateCode),
          asc(coordinationBodies.district),
        );
    },
    coordinationBody: async (_parent, args, ctx) => {
      const { id } = parseArgs(idArgs, args);
      const body = await ctx.family.body.load(id);
      if (!body) throw notFound('coordination body', id);
      return body;
    },
    meetings: async (_parent, args, ctx) => {
      const { bodyId } = parseArgs(meetingsArgs, args);
      if (bodyId) {
        if (!(await ctx.family.body.load(bodyId))) throw notFound('coordination body', bodyId);
        return ctx.family.meetingsByBody.load(bodyId);
      }
      return await ctx.familyDb.select().from(meetings).orderBy(asc(meetings.date), asc(meetings.id));
    },
    meeting: async (_parent, args, ctx) => {
      const { id } = parseArgs(idArgs, args);
      const [meeting] = await ctx.familyDb.select().from(meetings).where(eq(meetings.id, id));
      if (!meeting) throw notFound('meeting', id);
      return meeting;
    },
  },
  Province: {
    coordinationBody: (province, _args, ctx) => ctx.family.provincialBody.load(province.plateCode),
  },
  CoordinationBody: {
    province: (body, _args, ctx) => (body.provincePlateCode ? ctx.family.province.load(body.provincePlateCode) : null),
    meetings: (body, _args, ctx) => ctx.family.meetingsByBody.load(body.id),
  },
  Meeting: {
    body: async (meeting, _args, ctx) =>
      present(await ctx.family.body.load(meeting.bodyId), 'coordination body', meeting.bodyId),
  },
} satisfies Resolvers;
