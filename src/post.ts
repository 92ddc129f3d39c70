import * as core from '@actions/core';

core.info('assume-aws-role: post');
