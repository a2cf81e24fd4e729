//! Unit tests of every call, error and session-manager path. Every test ends with the pallet's
//! invariants checked (`mock::test`).

use crate::{mock::*, Error, Event, SetChanged, Validators};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{BuildStorage, DispatchError};

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn planned() -> Vec<AccountId> {
	ValidatorSet::validators()
}

mod genesis {
	use super::*;

	#[test]
	fn the_genesis_set_is_planned_and_unchanged() {
		test(|| {
			assert_eq!(planned(), GENESIS.to_vec());
			assert!(!SetChanged::<Test>::get());
			assert_eq!(ValidatorSet::plan_session(1), None);
		});
	}

	#[test]
	fn genesis_validators_are_stored_sorted() {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		crate::GenesisConfig::<Test> { validators: vec![3, 1, 2] }
			.assimilate_storage(&mut storage)
			.unwrap();
		sp_io::TestExternalities::from(storage)
			.execute_with(|| assert_eq!(planned(), vec![1, 2, 3]));
	}

	#[test]
	#[should_panic(expected = "fewer genesis validators than MinValidators")]
	fn genesis_below_the_minimum_is_refused() {
		let _ = crate::GenesisConfig::<Test> { validators: vec![1] }.build_storage();
	}

	#[test]
	#[should_panic(expected = "the genesis validators hold a duplicate")]
	fn genesis_duplicates_are_refused() {
		let _ = crate::GenesisConfig::<Test> { validators: vec![1, 2, 2] }.build_storage();
	}

	#[test]
	#[should_panic(expected = "more genesis validators than MaxValidators")]
	fn genesis_above_the_maximum_is_refused() {
		let _ = crate::GenesisConfig::<Test> { validators: vec![1, 2, 3, 4, 5] }.build_storage();
	}
}

mod add_validator {
	use super::*;

	#[test]
	fn adds_to_the_planned_set_which_the_next_planning_takes() {
		test(|| {
			assert_eq!(ValidatorSet::plan_session(1), None);
			assert_ok!(ValidatorSet::add_validator(root(), CANDIDATE));
			System::assert_last_event(Event::ValidatorAdded { who: CANDIDATE }.into());
			assert_eq!(planned(), vec![1, 2, 3, CANDIDATE]);
			assert!(SetChanged::<Test>::get());

			assert_eq!(ValidatorSet::plan_session(2), Some(vec![1, 2, 3, CANDIDATE]));
			System::assert_last_event(
				Event::SetPlanned {
					session: 2,
					validators: vec![1, 2, 3, CANDIDATE].try_into().unwrap(),
				}
				.into(),
			);
			// Taken once: an unchanged set is not handed over again.
			assert_eq!(ValidatorSet::plan_session(3), None);
		});
	}

	#[test]
	fn keeps_the_set_sorted() {
		test(|| {
			assert_ok!(ValidatorSet::remove_validator(root(), 2));
			assert_ok!(ValidatorSet::add_validator(root(), SECOND_CANDIDATE));
			assert_ok!(ValidatorSet::add_validator(root(), 2));
			assert_eq!(planned(), vec![1, 2, 3, SECOND_CANDIDATE]);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			assert_noop!(
				ValidatorSet::add_validator(RuntimeOrigin::signed(1), CANDIDATE),
				DispatchError::BadOrigin
			);
			assert_noop!(
				ValidatorSet::add_validator(root(), KEYLESS),
				Error::<Test>::NoSessionKeys
			);
			assert_noop!(ValidatorSet::add_validator(root(), 2), Error::<Test>::AlreadyValidator);
			assert_ok!(ValidatorSet::add_validator(root(), CANDIDATE));
			assert_noop!(
				ValidatorSet::add_validator(root(), SECOND_CANDIDATE),
				Error::<Test>::TooManyValidators
			);
			assert_eq!(planned(), vec![1, 2, 3, CANDIDATE]);
		});
	}
}

mod remove_validator {
	use super::*;

	#[test]
	fn removes_from_the_planned_set_which_the_next_planning_takes() {
		test(|| {
			assert_ok!(ValidatorSet::remove_validator(root(), 2));
			System::assert_last_event(Event::ValidatorRemoved { who: 2 }.into());
			assert_eq!(planned(), vec![1, 3]);
			assert_eq!(ValidatorSet::plan_session(2), Some(vec![1, 3]));
			assert_eq!(ValidatorSet::plan_session(3), None);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			assert_noop!(
				ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 2),
				DispatchError::BadOrigin
			);
			assert_noop!(
				ValidatorSet::remove_validator(root(), CANDIDATE),
				Error::<Test>::NotValidator
			);
			assert_ok!(ValidatorSet::remove_validator(root(), 3));
			assert_eq!(Validators::<Test>::get().len() as u32, MIN_VALIDATORS);
			assert_noop!(
				ValidatorSet::remove_validator(root(), 1),
				Error::<Test>::TooFewValidators
			);
			assert_eq!(planned(), vec![1, 2]);
		});
	}

	#[test]
	fn a_change_undone_before_planning_still_hands_over_the_set() {
		test(|| {
			assert_ok!(ValidatorSet::remove_validator(root(), 3));
			assert_ok!(ValidatorSet::add_validator(root(), 3));
			assert_eq!(ValidatorSet::plan_session(2), Some(GENESIS.to_vec()));
		});
	}
}
