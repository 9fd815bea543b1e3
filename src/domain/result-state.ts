import { AppError } from './errors.js';

/**
 * The life of one municipality's part of a project's yearly result (issue 8): the municipality enters it (draft),
 * submits it; the central city approves it or returns it with a reason, after which the municipality corrects and
 * submits again. Approved parts are locked; the central city can return one to reopen it.
 */
export type ResultState = 'draft' | 'submitted' | 'approved' | 'returned';

export type ResultTransition = 'submit' | 'approve' | 'return';

export const RESULT_STATE_LABELS: Record<ResultState, string> = {
  draft: '入力中',
  submitted: '提出済み',
  approved: '承認済み',
  returned: '差し戻し',
};

export const RESULT_TRANSITION_LABELS: Record<ResultTransition, string> = {
  submit: '提出',
  approve: '承認',
  return: '差し戻し',
};

/** Who takes each step: the municipality itself, or the central city reviewing it. */
export const TRANSITION_BY: Record<ResultTransition, 'municipality' | 'central_city'> = {
  submit: 'municipality',
  approve: 'central_city',
  return: 'central_city',
};

const ALLOWED_FROM: Record<ResultTransition, readonly ResultState[]> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted', 'approved'],
};

/** True while the municipality may still change its figures. */
export function isEditable(state: ResultState): boolean {
  return state === 'draft' || state === 'returned';
}

/**
 * The state after a step, or a CONFLICT that says why the step does not apply (e.g. approving a draft).
 * @example nextResultState('submitted', 'approve') // 'approved'
 */
export function nextResultState(state: ResultState, transition: ResultTransition): ResultState {
  if (!ALLOWED_FROM[transition].includes(state)) {
    throw new AppError('CONFLICT', `Cannot ${transition} a result in state ${state}`, {
      userMessage: `「${RESULT_STATE_LABELS[state]}」の実績は${RESULT_TRANSITION_LABELS[transition]}できません。`,
    });
  }
  switch (transition) {
    case 'submit':
      return 'submitted';
    case 'approve':
      return 'approved';
    case 'return':
      return 'returned';
  }
}
