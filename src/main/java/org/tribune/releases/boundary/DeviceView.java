package org.tribune.releases.boundary;

import org.tribune.releases.entity.DeviceModel;

public record DeviceView(long id, String code, String name) {
  static DeviceView of(DeviceModel d) {
    return new DeviceView(d.id(), d.code(), d.name());
  }
}
